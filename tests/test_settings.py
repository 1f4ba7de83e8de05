from algoreg import settings as project_settings


def test_passwords_are_hashed_with_argon2_outside_the_tests():
    assert project_settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"

