// PostgreSQL Flexible Server for Hangfire's queue (Jobs:Storage=PostgreSql): several bot instances share it.

@description('Azure region of the server.')
param location string

@description('Globally unique server name: 3-63 lower-case letters, digits and hyphens.')
@minLength(3)
@maxLength(63)
param name string

@description('Compute: Standard_B1ms (Burstable) suffices for Hangfire\'s polling; GeneralPurpose for heavy use.')
param skuName string

@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param skuTier string

@description('Storage in GiB; it grows automatically.')
param storageSizeGB int

@description('The administrator login, used by the bot (Hangfire creates its schema at start).')
param administratorLogin string

@secure()
@description('The administrator password.')
param administratorPassword string

@description('Name of the database that holds Hangfire\'s schema.')
param databaseName string

param tags object

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2025-08-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: skuTier
  }
  properties: {
    version: '16'
    administratorLogin: administratorLogin
    administratorLoginPassword: administratorPassword
    authConfig: {
      passwordAuth: 'Enabled'
      activeDirectoryAuth: 'Disabled'
    }
    storage: {
      storageSizeGB: storageSizeGB
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: 7
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
    network: {
      publicNetworkAccess: 'Enabled'
    }
  }
}

// Connections without TLS are refused (the default, made explicit so a later change shows in review).
resource requireTls 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2025-08-01' = {
  parent: server
  name: 'require_secure_transport'
  properties: {
    value: 'ON'
    source: 'user-override'
  }
}

// 0.0.0.0-0.0.0.0 is Azure's "allow public access from Azure services": the web app has no fixed address.
resource azureServices 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2025-08-01' = {
  parent: server
  // One change at a time: the server refuses concurrent operations ("ServerIsBusy").
  dependsOn: [requireTls]
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2025-08-01' = {
  parent: server
  dependsOn: [azureServices]
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

output fullyQualifiedDomainName string = server.properties.fullyQualifiedDomainName
output databaseName string = database.name
