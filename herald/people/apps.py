from herald.apps import HeraldAppConfig


class PeopleConfig(HeraldAppConfig):
    default = True
    name = "herald.people"
    verbose_name = "People"
    demo_loader = "herald.people.demo.seed"
    home_panels = "herald.people.home.panels"
    home_order = 50
