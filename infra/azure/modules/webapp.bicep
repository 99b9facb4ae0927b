// The Linux App Service plan and the web app that runs the bot (.NET 10), with a system-assigned managed
// identity for Storage and Key Vault. Its settings are a separate resource (app-settings.bicep), applied
// once the identity has been granted access, as App Service's Key Vault references need.

@description('Azure region of the plan and the app.')
param location string

@description('Name of the App Service plan.')
param planName string

@description('Globally unique web app name: its host is <name>.azurewebsites.net.')
param name string

@description('Plan SKU: B1 or larger for Always On; P0v3 and up for automatic scale-out.')
param skuName string

@description('Instances of the plan; several share one Hangfire queue in PostgreSQL.')
@minValue(1)
@maxValue(30)
param instanceCount int

@description('The Log Analytics workspace that receives the app\'s console, HTTP, audit and platform logs.')
param workspaceId string

param tags object

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: skuName
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    publicNetworkAccess: 'Enabled'
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      appCommandLine: 'dotnet ChatOps.Bot.dll'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      remoteDebuggingEnabled: false
      // /readyz answers 503 while Tables, Blob or Hangfire's storage is down; the platform then stops
      // routing to that instance and replaces it if it stays unhealthy.
      healthCheckPath: '/readyz'
    }
  }
}

// Deployments authenticate with Microsoft Entra (az webapp deploy), never with publishing passwords.
resource ftp 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scm 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

// Standard output (the ASP.NET Core console log), requests, deployment logins and container events, kept in
// Log Analytics beside Application Insights' telemetry.
resource logs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'logs-to-workspace'
  scope: site
  properties: {
    workspaceId: workspaceId
    logs: [for category in ['AppServiceConsoleLogs', 'AppServiceHTTPLogs', 'AppServiceAuditLogs', 'AppServicePlatformLogs']: {
      category: category
      enabled: true
    }]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

output name string = site.name
output hostName string = site.properties.defaultHostName
output principalId string = site.identity.principalId
