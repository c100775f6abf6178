from herald.navigation import header_and_section, items_for
from herald.people.roles import Role


def _names(entries):
    return [e["name"] for e in entries]


def test_the_header_shows_one_entry_per_area_and_the_section_nav_the_rest(client, system_admin):
    entries = items_for(system_admin)
    header, section = header_and_section(entries, path="/people/imports/", section="people")
    assert "people:directory" in _names(header) and "people:imports" not in _names(header)
    assert _names(section)[:3] == ["people:directory", "people:imports", "people:roles"]
    assert [e["name"] for e in header if e["current"]] == ["people:directory"]
    assert [e["name"] for e in section if e["current"]] == ["people:imports"]


def test_top_level_entries_stay_in_the_header(comms_officer):
    header, _ = header_and_section(items_for(comms_officer), path="/", section="")
    names = _names(header)
    assert "policies:self_check" in names and "posts:stop" in names
    assert names.count("policies:index") == 1 and "policies:campaigns" not in names


def test_a_person_sees_only_what_their_roles_allow(employee):
    names = _names(items_for(employee))
    assert "people:directory" not in names and "audit:events" not in names
    assert "policies:self_check" in names


def test_the_section_nav_appears_on_the_areas_pages(client, system_admin):
    client.force_login(system_admin)
    page = client.get("/people/imports/").content.decode()
    assert 'aria-label="In this section"' in page and 'data-nav="people:roles"' in page
    assert Role.ADMIN in system_admin.roles


def test_comms_reach_the_approval_rules_from_the_posts_section(client, comms_officer, employee):
    client.force_login(comms_officer)
    page = client.get("/posts/").content.decode()
    assert 'data-nav="posts:rules"' in page and 'href="/posts/rules/"' in page
    assert "posts:rules" not in _names(items_for(employee))
