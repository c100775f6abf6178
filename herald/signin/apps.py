from herald.apps import HeraldAppConfig


class SigninConfig(HeraldAppConfig):
    default = True
    name = "herald.signin"
    verbose_name = "Sign-in and security"
    schedule = "herald.signin.tasks.SCHEDULE"
    banners = "herald.signin.home.banners"

    def ready(self) -> None:
        # A leaver's sessions end the moment HR records that they have left.
        from herald.people.leavers import on_person_left
        from herald.signin.services import end_sessions_of_leaver

        on_person_left(end_sessions_of_leaver)
