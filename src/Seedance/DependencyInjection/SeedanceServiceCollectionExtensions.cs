using System;
using System.Diagnostics.CodeAnalysis;
using System.Net.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Seedance;

/// <summary>Registers Seedance clients with <see cref="IServiceCollection"/> and <c>IHttpClientFactory</c>.</summary>
public static class SeedanceServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TClient"/> (a <c>[SeedanceClient]</c> class) as a typed <c>HttpClient</c> client with
    /// its own <see cref="SeedanceClientOptions"/>, and sets the <c>HttpClient</c>'s base address from
    /// <see cref="SeedanceClientOptions.BaseAddress"/>.
    /// </summary>
    /// <remarks>
    /// The options are named options whose name is the client's full type name, so two clients can have different keys;
    /// bind configuration to them with <c>services.Configure&lt;SeedanceClientOptions&gt;(typeof(TClient).FullName, section)</c>.
    /// The <c>Authorization</c> header is redacted from <c>IHttpClientFactory</c>'s logs. <c>TClient</c> is created with
    /// the constructor the generator emits, <c>TClient(HttpClient, SeedanceClientOptions?, ILoggerFactory?)</c>.
    /// </remarks>
    /// <returns>The builder, to add handlers or configure the <c>HttpClient</c> further.</returns>
    public static IHttpClientBuilder AddSeedanceClient<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TClient>(
        this IServiceCollection services,
        Action<SeedanceClientOptions>? configure = null)
        where TClient : class
    {
        if (services is null) throw new ArgumentNullException(nameof(services));
        var name = typeof(TClient).FullName ?? typeof(TClient).Name;

        var options = services.AddOptions<SeedanceClientOptions>(name);
        if (configure is not null) options.Configure(configure);
        // Whatever handlers the application adds to the returned builder, a create call is never sent twice.
        services.AddSingleton<Microsoft.Extensions.Http.IHttpMessageHandlerBuilderFilter>(new CreateCallGuardFilter(name));

        return services
            .AddHttpClient<TClient, TClient>(name, static (HttpClient httpClient, IServiceProvider provider) =>
            {
                var name = typeof(TClient).FullName ?? typeof(TClient).Name;
                var options = provider.GetRequiredService<IOptionsMonitor<SeedanceClientOptions>>().Get(name);
                return ActivatorUtilities.CreateInstance<TClient>(provider, httpClient, options);
            })
            .ConfigureHttpClient(static (IServiceProvider provider, HttpClient httpClient) =>
            {
                var name = typeof(TClient).FullName ?? typeof(TClient).Name;
                httpClient.BaseAddress ??= provider.GetRequiredService<IOptionsMonitor<SeedanceClientOptions>>().Get(name).BaseAddress;
            })
            .RedactLoggedHeaders(new[] { "Authorization" });
    }
}
