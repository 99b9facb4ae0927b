using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatOps.Jobs.Dashboard;

public static class JobsDashboard
{
    public const string Path = "/hangfire";

    /// <summary>Hangfire's dashboard at /hangfire, behind <see cref="DashboardAuthorization"/>.</summary>
    public static IEndpointConventionBuilder MapJobsDashboard(this IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.ServiceProvider;
        var authorization = new DashboardAuthorization(services.GetRequiredService<IHostEnvironment>(), services.GetRequiredService<IOptions<JobsOptions>>());
        return endpoints.MapHangfireDashboard(Path, new DashboardOptions
        {
            Authorization = [authorization],
            DashboardTitle = "ChatOps jobs",
            DisplayStorageConnectionString = false,
        });
    }
}
