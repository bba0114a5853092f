using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Seedance.Testing;
using Xunit;

namespace Seedance.Client.Tests;

public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task AddSeedanceClient_binds_options_and_the_base_address()
    {
        await using var emulator = new SeedanceEmulator(new SeedanceEmulatorOptions { ApiKey = Secrets.ApiKey });
        await emulator.StartAsync();
        var services = new ServiceCollection();
        var builder = services.AddSeedanceClient<VideoClient>(o =>
        {
            o.ApiKey = Secrets.ApiKey;
            o.BaseAddress = emulator.BaseAddress;
            o.PollInterval = TimeSpan.FromMilliseconds(10);
            o.MaxPollInterval = TimeSpan.FromMilliseconds(40);
        });
        Assert.Equal(typeof(VideoClient).FullName, builder.Name);
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<VideoClient>();
        // The generated typed method, through the DI-built client, against the emulator at the bound address.
        var done = await client.GenerateTextToVideoAsync(new TextToVideoRequest { Prompt = "A macro lens on a glass frog." });

        Assert.Equal(VideoTaskStatus.Completed, done.Status);
        Assert.Equal(1, emulator.TasksCreated);
    }

    [Fact]
    public async Task Plain_AddHttpClient_uses_the_constructor_defaults()
    {
        await using var emulator = new SeedanceEmulator(new SeedanceEmulatorOptions { ApiKey = Secrets.ApiKey });
        await emulator.StartAsync();
        var services = new ServiceCollection();
        services.AddHttpClient<VideoClient>(http => http.BaseAddress = emulator.BaseAddress);
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<VideoClient>();
        var submitted = Environment.GetEnvironmentVariable(SeedanceClientOptions.ApiKeyEnvironmentVariable) is { Length: > 0 }
            ? null
            : await Assert.ThrowsAsync<InvalidOperationException>(() => client.SubmitAsync(Requests.TextToVideo()));
        if (submitted is not null) Assert.Empty(emulator.Requests);

        // Options registered in the container reach the constructor through ActivatorUtilities.
        var withOptions = new ServiceCollection();
        withOptions.AddSingleton(new SeedanceClientOptions { ApiKey = Secrets.ApiKey });
        withOptions.AddHttpClient<VideoClient>(http => http.BaseAddress = emulator.BaseAddress);
        await using var provider2 = withOptions.BuildServiceProvider();
        var task = await provider2.GetRequiredService<VideoClient>().SubmitAsync(Requests.TextToVideo(), CancellationToken.None);
        Assert.Equal(VideoTaskStatus.Pending, task.Status);
        // The HttpClient's own BaseAddress (the emulator's) won over the options' default.
        Assert.Contains(emulator.Requests, r => r.Method == "POST");
    }
}
