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
    // No MALLOC_ARENA_MAX: two arenas held the bot's resident set ~35 MB lower in the load drill, but made the restarted
    // process JIT slowly enough under load that clicks waited past Teams' 15 s (tests/ChatOps.Benchmarks/RESULTS.md,
    // notes on the fault drill); with glibc's default the resident set is flat after warm-up too. The drills start the bot
    // with any MALLOC_*/DOTNET_* setting added here.
  }
}
