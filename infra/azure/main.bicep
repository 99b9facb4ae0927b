// Everything the ChatOps bot needs in one resource group: the web app, Storage (Tables + Blob), the Azure Bot
// with its Teams channel, PostgreSQL for Hangfire, Key Vault for the secrets and Application Insights.
// The Entra app registration is created beforehand (docs/deploy.md); Bicep cannot create it.

targetScope = 'resourceGroup'

@description('Azure region of every regional resource (the bot registration is global).')
param location string = resourceGroup().location

@description('Prefix of every resource name (lower-case letters and digits); a hash of the resource group makes the names unique.')
@minLength(3)
@maxLength(11)
param baseName string = 'chatops'

@description('Application (client) id of the bot\'s single-tenant Entra app registration (Bot:AppId).')
@minLength(36)
@maxLength(36)
param botAppId string

@description('Directory (tenant) id of the app registration and of the Microsoft 365 tenant whose teams the bot serves (Bot:TenantId); empty: the deployment\'s tenant.')
param botTenantId string = ''

@secure()
@description('A client secret of the app registration; stored in Key Vault (Bot:Connector:ClientSecret).')
param botClientSecret string

@description('The bot\'s name in the Azure portal (Teams shows the name from the app package).')
param botDisplayName string = 'ChatOps'

@description('Azure Bot pricing tier.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('App Service plan SKU (Linux): B1 or larger for Always On; P0v3 and up for automatic scale-out.')
param appServicePlanSku string = 'P0v3'

@description('Bot instances; they share one Hangfire queue in PostgreSQL.')
@minValue(1)
@maxValue(30)
param instanceCount int = 1

@description('Storage replication.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSku string = 'Standard_LRS'

@description('PostgreSQL compute size.')
param postgresSkuName string = 'Standard_B1ms'

@description('PostgreSQL compute tier.')
@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param postgresSkuTier string = 'Burstable'

@description('PostgreSQL storage in GiB.')
@minValue(32)
param postgresStorageSizeGB int = 32

@description('PostgreSQL administrator login (the bot\'s Hangfire connection uses it).')
param postgresAdminLogin string = 'chatops'

@secure()
@description('PostgreSQL administrator password; stored in Key Vault inside the connection string (Jobs:PostgreSqlConnectionString).')
param postgresAdminPassword string

@secure()
@description('Key of the Hangfire dashboard (Jobs:DashboardApiKey), at least 32 characters; empty keeps it closed.')
param dashboardApiKey string = ''

@description('Key Vault purge protection (recommended; cannot be switched off once on).')
param keyVaultPurgeProtection bool = true

@description('Days Log Analytics keeps logs and telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('The clients file on the app\'s persistent /home share (Incidents:ClientsFile); empty: clients live only in the table.')
param clientsFile string = '/home/site/config/clients.yaml'

@description('The rotations file on the /home share (Rotations:File); empty: rotations live only in the table.')
param rotationsFile string = '/home/site/config/rotations.yaml'

@description('Tags on every resource.')
param tags object = {
  application: 'chatops'
}

var suffix = uniqueString(resourceGroup().id)
var prefix = toLower(baseName)
var webAppName = '${prefix}-${suffix}'
var tenantId = empty(botTenantId) ? tenant().tenantId : botTenantId

module monitoring 'modules/monitoring.bicep' = {
  params: {
    location: location
    workspaceName: '${prefix}-logs-${suffix}'
    appInsightsName: '${prefix}-insights-${suffix}'
    retentionInDays: logRetentionInDays
    tags: tags
  }
}

module web 'modules/webapp.bicep' = {
  params: {
    location: location
    planName: '${prefix}-plan-${suffix}'
    name: webAppName
    skuName: appServicePlanSku
    instanceCount: instanceCount
    workspaceId: monitoring.outputs.workspaceId
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  params: {
    location: location
    name: '${prefix}${suffix}'
    skuName: storageSku
    webAppName: webAppName
    principalId: web.outputs.principalId
    tags: tags
  }
}

module database 'modules/database.bicep' = {
  params: {
    location: location
    name: '${prefix}-pg-${suffix}'
    skuName: postgresSkuName
    skuTier: postgresSkuTier
    storageSizeGB: postgresStorageSizeGB
    administratorLogin: postgresAdminLogin
    administratorPassword: postgresAdminPassword
    databaseName: 'chatops'
    tags: tags
  }
}

module vault 'modules/keyvault.bicep' = {
  params: {
    location: location
    name: 'kv-${take(prefix, 7)}-${suffix}'
    enablePurgeProtection: keyVaultPurgeProtection
    webAppName: webAppName
    principalId: web.outputs.principalId
    botClientSecret: botClientSecret
    postgresHost: database.outputs.fullyQualifiedDomainName
    postgresDatabase: database.outputs.databaseName
    postgresLogin: postgresAdminLogin
    postgresPassword: postgresAdminPassword
    dashboardApiKey: dashboardApiKey
    enableDashboard: !empty(dashboardApiKey)
    tags: tags
  }
}

// After the vault and storage modules (their outputs), so after the identity's role assignments.
module settings 'modules/app-settings.bicep' = {
  params: {
    siteName: webAppName
    botAppId: botAppId
    botTenantId: tenantId
    tableServiceUri: storage.outputs.tableServiceUri
    blobServiceUri: storage.outputs.blobServiceUri
    botClientSecretUri: vault.outputs.botClientSecretUri
    jobsConnectionStringUri: vault.outputs.jobsConnectionStringUri
    dashboardApiKeyUri: vault.outputs.dashboardApiKeyUri
    clientsFile: clientsFile
    rotationsFile: rotationsFile
    appInsightsConnectionString: monitoring.outputs.connectionString
  }
}

module bot 'modules/bot.bicep' = {
  params: {
    name: '${prefix}-bot-${suffix}'
    displayName: botDisplayName
    endpoint: 'https://${web.outputs.hostName}/api/messages'
    appId: botAppId
    tenantId: tenantId
    skuName: botSku
    tags: tags
  }
}

@description('Name of the web app (az webapp deploy --name).')
output webAppName string = web.outputs.name

@description('Host name of the web app (VALID_DOMAIN of the Teams app package).')
output webAppHostName string = web.outputs.hostName

@description('The Azure Bot\'s messaging endpoint.')
output botMessagingEndpoint string = 'https://${web.outputs.hostName}/api/messages'

@description('Name of the Key Vault holding the secrets.')
output keyVaultName string = vault.outputs.name
