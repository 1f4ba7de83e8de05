import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from algoreg import settings as project_settings

SETTINGS_FILE = Path(project_settings.__file__)


def test_passwords_are_hashed_with_argon2_outside_the_tests():
    assert project_settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


@pytest.mark.parametrize(("value", "expected"), [
    ("true", True), ("TRUE", True), (" yes ", True), ("on", True), ("1", True),
    ("false", False), ("No", False), ("off", False), ("0", False),
])
def test_a_switch_understands_the_usual_words_for_on_and_off(monkeypatch, value, expected):
    monkeypatch.setenv("ALGOREG_TEST_SWITCH", value)
    assert project_settings.env_bool("ALGOREG_TEST_SWITCH", not expected) is expected


@pytest.mark.parametrize("value", [None, "", "  "])
def test_a_switch_left_out_or_empty_keeps_its_default(monkeypatch, value):
    if value is None:
        monkeypatch.delenv("ALGOREG_TEST_SWITCH", raising=False)
    else:
        monkeypatch.setenv("ALGOREG_TEST_SWITCH", value)
    assert project_settings.env_bool("ALGOREG_TEST_SWITCH", True) is True
    assert project_settings.env_bool("ALGOREG_TEST_SWITCH", False) is False


@pytest.mark.parametrize("value", ["ture", "flase", "2", "enabled", "y"])
def test_a_switch_refuses_a_word_it_does_not_understand(monkeypatch, value):
    monkeypatch.setenv("ALGOREG_TEST_SWITCH", value)
    with pytest.raises(ImproperlyConfigured) as refused:
        project_settings.env_bool("ALGOREG_TEST_SWITCH", False)
    message = str(refused.value)
    assert "ALGOREG_TEST_SWITCH" in message and f"“{value}”" in message
    assert "true, yes, on, 1, false, no, off, 0" in message


def test_a_number_refuses_text_naming_the_variable(monkeypatch):
    monkeypatch.setenv("ALGOREG_TEST_NUMBER", "five")
    with pytest.raises(ImproperlyConfigured, match="ALGOREG_TEST_NUMBER is “five”, which is not a whole number"):
        project_settings.env_int("ALGOREG_TEST_NUMBER", 5)


def test_the_register_does_not_start_with_a_mistyped_switch():
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "algoreg.settings",
                   "REQUIRE_TWO_FACTOR_FOR_APPROVERS": "ture"}
    started = subprocess.run([sys.executable, "-c", "import django; django.setup()"], env=environment,
                             cwd=SETTINGS_FILE.parent.parent, capture_output=True, text=True, timeout=120)
    assert started.returncode != 0
    last_line = started.stderr.strip().splitlines()[-1]
    assert last_line.startswith("django.core.exceptions.ImproperlyConfigured: ")
    assert "REQUIRE_TWO_FACTOR_FOR_APPROVERS is “ture”" in last_line and "true, yes, on, 1, false" in last_line


def _changes_to(tree: ast.Module, name: str) -> list[str]:
    """How the settings module writes `name`: 'assign' for `name = ...`, and any later changes to it."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            found.append("assign")
        elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name) and node.target.id == name:
            found.append("+=")
        elif isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == name \
                and isinstance(node.ctx, ast.Store | ast.Del):
            found.append("slice")
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == name:
            found.append(f".{node.attr}")
    return found


@pytest.mark.parametrize("name", ["INSTALLED_APPS", "MIDDLEWARE"])
def test_apps_and_middleware_are_each_written_as_one_list_read_in_order(name):
    tree = ast.parse(SETTINGS_FILE.read_text(encoding="utf-8"))
    assert _changes_to(tree, name) == ["assign"]
