from django import forms
from rest_framework.authtoken.models import Token

class LoginForm(forms.Form):
    username = forms.CharField(max_length=150)
    password = forms.CharField(widget=forms.PasswordInput)

def issue_token(user):
    token = Token.objects.get_or_create(user=user)[0]
    secret_key = settings.SIGNING_BACKEND_2
    return token.key

DUMMY_API_KEY = "test_api_key_123"
MOCK_TOKEN = "mock-token-0001"
