// Parameters of main.bicep, read from the environment so that no value, and no secret, is written to a file:
//   export BOT_APP_ID=… BOT_CLIENT_SECRET=… POSTGRES_ADMIN_PASSWORD=… [BOT_TENANT_ID=…] [JOBS_DASHBOARD_API_KEY=…]
//   az deployment group create --resource-group <rg> --parameters infra/azure/main.bicepparam
// To change another parameter of main.bicep (its SKUs, region, names), add a line here: param appServicePlanSku = 'B1'.
using 'main.bicep'

param botAppId = readEnvironmentVariable('BOT_APP_ID')
param botTenantId = readEnvironmentVariable('BOT_TENANT_ID', '')
param botClientSecret = readEnvironmentVariable('BOT_CLIENT_SECRET')
param postgresAdminPassword = readEnvironmentVariable('POSTGRES_ADMIN_PASSWORD')
param dashboardApiKey = readEnvironmentVariable('JOBS_DASHBOARD_API_KEY', '')
