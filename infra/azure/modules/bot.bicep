// The Azure Bot registration (Bot Framework) with its messaging endpoint and the Microsoft Teams channel.

@description('Globally unique bot resource name.')
param name string

@description('Name shown in the Azure portal.')
param displayName string

@description('https://<web app host>/api/messages')
param endpoint string

@description('Application (client) id of the single-tenant Entra app registration.')
param appId string

@description('Directory (tenant) id of that app registration.')
param tenantId string

@description('F0 (free; Teams is a standard channel, unlimited messages) or S1.')
@allowed([
  'F0'
  'S1'
])
param skuName string

param tags object

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  // The Bot Framework registration is global; its data residency is the default (global).
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: skuName
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppId: appId
    msaAppType: 'SingleTenant'
    msaAppTenantId: tenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output name string = bot.name
