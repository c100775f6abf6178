from herald.apps import HeraldAppConfig


class SigninConfig(HeraldAppConfig):
    default = True
    name = "herald.signin"
    verbose_name = "Sign-in and security"
    schedule = "herald.signin.tasks.SCHEDULE"
    banners = "herald.signin.home.banners"
