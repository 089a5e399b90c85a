export const config = {
  mapboxToken: 'sk.eyJ1IjoijMcriK5EAwpyUxpL8sueNsfPihjsWAuyq0xtR1Fx.5RaprmvtCBKFuZtRr7e0XO',
  sentryToken: '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',
  linearKey: 'lin_api_B37IOedvSn0fbSqTXybgFiK2651tHKT6fTWTB82c',
  figmaToken: 'figd_OSCifvjeFOEHvfnLhroh6geI9J9p2Ds4BU67Ad2C',
  postmanKey: 'PMAK-959028f8d002bec33e8bb385-44c8ee3879a2ee0c1e46d42c2db822e470',
  buildId: 'f51537270ed00e9d2f64c4d3f07515bed076de5a',
  sessionId: '8a56c459-5e1d-418e-8263-fd807595d565',
  apiBase: 'https://api.acme.io/v2',
  apiKey: 'YOUR_API_KEY',
  authToken: '<token>',
};
