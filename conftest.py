"""Test set-up for the whole repository.

The Django fixtures (the cast of people, the audit trail's clean-up, browser tests) are plugins loaded
only when pytest-django is on: the check engine's tests run without Django (`make test-engine`, which
is `pytest herald/checks -p no:django`) and must not import it."""

DJANGO_PLUGINS = ("herald.tests.fixtures", "herald.browser_testing")


def pytest_addoption(parser, pluginmanager):
    if not pluginmanager.has_plugin("django"):
        # pyproject.toml names the settings for pytest-django; without the plugin the key is unknown.
        parser.addini("DJANGO_SETTINGS_MODULE", "read by pytest-django (switched off for this run)")


def pytest_configure(config):
    if config.pluginmanager.has_plugin("django"):
        for name in DJANGO_PLUGINS:
            config.pluginmanager.import_plugin(name)
