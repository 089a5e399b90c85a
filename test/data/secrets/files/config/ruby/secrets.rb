Rails.application.configure do
  config.x.twilio_api_key = 'SK421337d3b470c8fa437c48f269f32126'
  config.x.slack_app_token = 'xapp-1-A70UJLBJ3V2-8671497776697-ae33530d6bcfede15934248b4ccbd2519de08dc12ab92df1b63715de86212df6'
  config.x.hubspot_token = 'pat-na1-72ee46b6-1441-4e9c-8dd0-0510a0d48a73'
  config.x.api_key = ENV.fetch('API_KEY')
end
