// Key Vault (RBAC, soft delete, purge protection) holding the bot's secrets. The web app reads them through
// App Service Key Vault references, so a secret reaches the process only as an environment variable.

@description('Azure region of the vault.')
param location string

@description('Globally unique vault name: 3-24 letters, digits and hyphens.')
@minLength(3)
@maxLength(24)
param name string

@description('Purge protection: a deleted vault or secret cannot be purged before the retention ends. It cannot be switched off once on.')
param enablePurgeProtection bool

@description('Name of the web app whose managed identity is granted Key Vault Secrets User.')
param webAppName string

@description('Object id of that managed identity.')
param principalId string

@secure()
@description('The Entra app registration\'s client secret (Bot:Connector:ClientSecret).')
param botClientSecret string

@description('Host name of the PostgreSQL server.')
param postgresHost string

@description('The PostgreSQL database of Hangfire\'s schema.')
param postgresDatabase string

@description('The PostgreSQL login.')
param postgresLogin string

@secure()
@description('The PostgreSQL password.')
param postgresPassword string

@secure()
@description('Jobs:DashboardApiKey, at least 32 characters; ignored unless enableDashboard.')
param dashboardApiKey string

@description('Whether the dashboard key is given: without it the dashboard stays closed and no secret is written.')
param enableDashboard bool

param tags object

var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

// Quoted so that a password with ';' or quotes stays one value (a doubled quote is a literal quote).
var connectionString = 'Host=${postgresHost};Port=5432;Database=${postgresDatabase};Username=${postgresLogin};Password=\'${replace(postgresPassword, '\'', '\'\'')}\';SSL Mode=VerifyFull'

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // Once true it cannot be set false again, so "off" leaves the property out.
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, webAppName, keyVaultSecretsUser)
  scope: vault
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
  }
}

resource botSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = {
  parent: vault
  name: 'bot-client-secret'
  properties: {
    value: botClientSecret
    contentType: 'text/plain'
  }
}

resource jobsConnection 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = {
  parent: vault
  name: 'jobs-postgresql-connection-string'
  properties: {
    value: connectionString
    contentType: 'text/plain'
  }
}

resource dashboardKey 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (enableDashboard) {
  parent: vault
  name: 'jobs-dashboard-api-key'
  properties: {
    value: dashboardApiKey
    contentType: 'text/plain'
  }
}

output name string = vault.name

// Versionless URIs: App Service's Key Vault references then follow a new version within 24 hours.
output botClientSecretUri string = botSecret.properties.secretUri
output jobsConnectionStringUri string = jobsConnection.properties.secretUri
output dashboardApiKeyUri string = enableDashboard ? dashboardKey!.properties.secretUri : ''
