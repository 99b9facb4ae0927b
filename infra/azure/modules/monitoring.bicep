// Log Analytics workspace + workspace-based Application Insights: where the bot's logs, traces and metrics go.

@description('Azure region of the workspace and the Application Insights component.')
param location string

@description('Name of the Log Analytics workspace.')
param workspaceName string

@description('Name of the Application Insights component.')
param appInsightsName string

@description('Days the workspace keeps data.')
@minValue(30)
@maxValue(730)
param retentionInDays int

param tags object

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
  }
}

@description('The Log Analytics workspace, for the web app\'s platform logs.')
output workspaceId string = workspace.id

@description('The connection string the Azure Monitor exporter reads from APPLICATIONINSIGHTS_CONNECTION_STRING (an identifier, not a credential).')
output connectionString string = appInsights.properties.ConnectionString
