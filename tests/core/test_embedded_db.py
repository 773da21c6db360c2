import json
import os
import signal

from ludwigsburg_intl.db.embedded import base


def test_processes_that_died_are_forgotten_so_the_server_can_stop(tmp_path):
    handles = tmp_path / ".handle_pids.json"
    dead = 2**22 + 12345  # above the default pid_max: no such process
    handles.write_text(json.dumps([dead, os.getpid()]))
    base._forget_dead_handles(tmp_path)
    assert json.loads(handles.read_text()) == [os.getpid()]


def test_a_missing_handle_list_is_fine(tmp_path):
    base._forget_dead_handles(tmp_path)
    assert not (tmp_path / ".handle_pids.json").exists()


def test_sigterm_runs_the_exit_hooks(monkeypatch):
    installed = {}
    monkeypatch.setattr(signal, "getsignal", lambda signum: signal.SIG_DFL)
    monkeypatch.setattr(
        signal, "signal", lambda signum, handler: installed.update({signum: handler})
    )
    base.exit_cleanly_on_sigterm()
    handler = installed[signal.SIGTERM]
    try:
        handler(signal.SIGTERM, None)
    except SystemExit as exc:  # SystemExit, unlike the default action, runs atexit hooks
        assert exc.code == 128 + signal.SIGTERM
    else:
        raise AssertionError("the handler must exit")
