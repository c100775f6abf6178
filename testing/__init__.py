"""What the tests share and Herald never ships: factories, the browser-test fixtures, the access matrix's
cases and a task only the crash tests run. Importable because the repository root (where `conftest.py`
and `manage.py` live) is on the path in tests, in `manage.py` and in the benchmarks; nothing under
`herald/` outside its tests imports it (herald/tests/test_wiring.py checks)."""
