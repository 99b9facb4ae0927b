// The web app's settings: the bot's configuration keys with "__" for ":" (README, Configuration). A secret
// appears only as an App Service Key Vault reference, resolved by the app's managed identity.

@description('Name of the web app.')
param siteName string

param botAppId string
param botTenantId string
param tableServiceUri string
param blobServiceUri string

@description('Versionless Key Vault secret URIs.')
param botClientSecretUri string
param jobsConnectionStringUri string

@description('Empty when no dashboard key was given: the dashboard stays closed.')
param dashboardApiKeyUri string

param clientsFile string
param rotationsFile string
param appInsightsConnectionString string

resource site 'Microsoft.Web/sites@2024-11-01' existing = {
  name: siteName
}

resource appSettings 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: site
  name: 'appsettings'
  properties: {
    ASPNETCORE_ENVIRONMENT: 'Production'
    Bot__AppId: botAppId
    Bot__TenantId: botTenantId
    Bot__Connector__Credential: 'ClientSecret'
    Bot__Connector__ClientSecret: '@Microsoft.KeyVault(SecretUri=${botClientSecretUri})'
    Storage__TableServiceUri: tableServiceUri
    Storage__BlobServiceUri: blobServiceUri
    Jobs__Storage: 'PostgreSql'
    Jobs__PostgreSqlConnectionString: '@Microsoft.KeyVault(SecretUri=${jobsConnectionStringUri})'
    Jobs__DashboardApiKey: empty(dashboardApiKeyUri) ? '' : '@Microsoft.KeyVault(SecretUri=${dashboardApiKeyUri})'
    Incidents__ClientsFile: clientsFile
    Rotations__File: rotationsFile
    // Agreed with the telemetry work: the Azure Monitor exporter reads the standard connection string setting.
    Telemetry__Exporter: 'AzureMonitor'
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
    // glibc's malloc otherwise gives threads up to 8 arenas a core, and a thread-pool thread's arena keeps the peak of
    // what it served: the load drill (tests/ChatOps.Benchmarks/RESULTS.md) saw the bot's native memory creep ~2 MB/min
    // at 50 clicks/s with the default and stay flat with two arenas, at the same latency.
    MALLOC_ARENA_MAX: '2'
  }
}
