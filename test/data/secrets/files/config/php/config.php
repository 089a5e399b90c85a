<?php
return [
    'db_password' => '3vlA3WqmBi?65LCp',
    'mailchimp_key' => '1f1f06bef82141debaae6fa03874289d-us8',
    'stripe_secret' => 'sk_live_QYg1Sm1AbWT486UjPzdGyoAKd10tORRhdPAFBZnYBwYhhHEtJxENpjQGbdYwCVpEUt6C6KMYq6Eqz02oTcBjZ8Wdy4',
    'api_key' => getenv('API_KEY'),
    'password' => 'xxxxxxxxxxxx',
];
