using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Seedance.Testing;
using Xunit;

namespace Seedance.Client.Tests;

/// <summary>The emulator on its own, through a plain HttpClient: what users' tests can rely on.</summary>
public sealed class EmulatorTests
{
    [Fact]
    public async Task Validates_bodies_with_the_matrix_and_answers_the_documented_error()
    {
        await using var emulator = new SeedanceEmulator();
        await emulator.StartAsync();
        using var http = emulator.CreateHttpClient();

        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/videos/generations")
        {
            Content = new StringContent("""{"model":"seedance-2.0-text-to-video","prompt":"A cat","duration":60}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SeedanceEmulatorOptions.DefaultApiKey);
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = body.RootElement.GetProperty("error");
        Assert.Equal(400, error.GetProperty("code").GetInt32());
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.Equal("duration", error.GetProperty("param").GetString());
        Assert.StartsWith("SEED0007", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, emulator.CreateRequestCount);
        Assert.Equal(0, emulator.TasksCreated);
    }

    [Fact]
    public async Task An_unknown_model_is_the_error_named_even_when_the_prompt_breaks_a_rule_too()
    {
        await using var emulator = new SeedanceEmulator();
        await emulator.StartAsync();
        using var http = emulator.CreateHttpClient();

        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/videos/generations")
        {
            Content = new StringContent("""{"model":"seedance-2.0","prompt":"Use @Image1 as the hero."}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SeedanceEmulatorOptions.DefaultApiKey);
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = body.RootElement.GetProperty("error");
        Assert.Equal("model", error.GetProperty("param").GetString());
        Assert.StartsWith("SEED0003", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejects_a_missing_key_and_serves_credits()
    {
        await using var emulator = new SeedanceEmulator(new SeedanceEmulatorOptions { Credits = 42 });
        await emulator.StartAsync();
        using var http = emulator.CreateHttpClient();

        using var anonymous = await http.GetAsync("v1/credits");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("authentication_error", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SeedanceEmulatorOptions.DefaultApiKey);
        using var credits = await http.GetAsync("v1/credits");
        Assert.Equal(HttpStatusCode.OK, credits.StatusCode);
        using var body = JsonDocument.Parse(await credits.Content.ReadAsStringAsync());
        Assert.Equal(42m, body.RootElement.GetProperty("credits").GetDecimal());

        var log = emulator.Requests;
        Assert.False(log[0].HasAuthorization);
        Assert.True(log[1].HasAuthorization);
        Assert.Equal(401, log[0].StatusCode);
    }

    [Fact]
    public async Task Uses_an_os_chosen_loopback_port_and_stops()
    {
        var emulator = new SeedanceEmulator();
        Assert.Throws<InvalidOperationException>(() => emulator.BaseAddress);
        await emulator.StartAsync();
        var address = emulator.BaseAddress;
        Assert.Equal("127.0.0.1", address.Host);
        Assert.NotEqual(0, address.Port);

        await emulator.DisposeAsync();
        using var http = new HttpClient { BaseAddress = address };
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("v1/credits"));
    }
}
