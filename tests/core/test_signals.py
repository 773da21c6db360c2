"""Signal receivers are wired one way: each for the models it concerns, never for every save."""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

from ludwigsburg_intl.images import RenditionImage

PROJECT_APPS = ("ludwigsburg_intl", "partnerships", "climate", "europe", "network")


def _receivers(signal):
    for key, reference, *_rest in signal.receivers:
        receiver = reference() if callable(reference) else reference
        sender_id = key[1]
        yield receiver, sender_id


def test_no_project_receiver_runs_on_every_models_save_or_delete():
    for signal in (pre_save, post_save, pre_delete, post_delete, m2m_changed):
        for receiver, sender_id in _receivers(signal):
            if receiver is None or not receiver.__module__.startswith(PROJECT_APPS):
                continue
            assert sender_id != id(None), f"{receiver.__module__}.{receiver.__name__}: no sender"


def test_image_receivers_are_connected_for_each_image_model():
    from django.apps import apps

    image_models = [m for m in apps.get_models() if issubclass(m, RenditionImage)]
    assert image_models
    for model in image_models:
        assert post_save.has_listeners(model)
        assert post_delete.has_listeners(model)
