"""The municipality and county register copied from SSB (2024 division) is whole and consistent."""


def test_register_has_every_municipality_and_county(schema):
    register = schema.register
    assert len(register.counties) == 15
    assert len(register.municipalities) == 357
    assert len({m.number for m in register.municipalities}) == 357


def test_each_municipality_number_starts_with_its_county_number(schema):
    for m in schema.register.municipalities:
        assert m.number[:2] == m.county.number, m.name


def test_county_sizes_agree_with_the_municipality_list(schema):
    register = schema.register
    for county in register.counties:
        listed = sum(m.county == county for m in register.municipalities)
        assert listed == register.county_sizes[county.number], county.name


def test_every_merger_points_to_a_current_municipality(schema):
    register = schema.register
    for former in register.former_municipalities:
        assert former.merged_into in register.municipalities
        assert register.lookup_municipality(former.name).former == former


def test_successors_of_former_counties_exist(schema):
    names = {c.name for c in schema.register.counties}
    for former in schema.register.former_counties:
        assert set(former.successors) <= names, former.name
