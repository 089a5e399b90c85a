"""Django settings for production."""
import os

SECRET_KEY = 'django-insecure-F#^CHiWI1xWw7#x969*+#KKvMoxJT8Koq&pGN8WADQCsa(a0xN'
DEBUG = False
ALLOWED_HOSTS = ["shop.acme.io"]
DATABASES = {
    'default': {
        'ENGINE': 'django.db.backends.postgresql',
        'NAME': 'shop',
        'USER': 'shop',
        'PASSWORD': 'auUx9lM6xF=ao1dTtw9p',
        'HOST': 'db.internal',
    }
}
AWS_ACCESS_KEY_ID = 'AKIAS6S7MXSKIJKO2UIH'
AWS_SECRET_ACCESS_KEY = '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'
AWS_STORAGE_BUCKET_NAME = 'acme-shop-media'
EMAIL_HOST_PASSWORD = os.environ['EMAIL_HOST_PASSWORD']
CSRF_COOKIE_SECURE = True
PASSWORD_RESET_TIMEOUT = 259200
AUTH_PASSWORD_VALIDATORS = [{'NAME': 'django.contrib.auth.password_validation.MinimumLengthValidator'}]
