// server-side payment helpers
const stripe = require('stripe')('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');
const paypalClientSecret = 'ttEkmXYz6P3NcsHo5DaQuWyue6Wsi1Mi1OvNhEIU15HXp9fEDv71GzY-aX4VPjdTuav2Ef435ZTmFXV5';
const SHOPIFY_TOKEN = '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';
const customerId = 'cus_7UKyJWGvd8iRds';
const paymentIntent = 'pi_FxpsRjSXnLlfBzThw3VC7kOK';
const apiKey = process.env.PAYMENTS_API_KEY;
const password = req.body.password;
const passwordField = 'password_confirmation';
const token = localStorage.getItem('token');
const nonce = 'XEW0ebPL5O50nRhOLPjaTnf4eVV5QANp';
module.exports = { stripe };
