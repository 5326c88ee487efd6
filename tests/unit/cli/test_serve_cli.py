"""`newsreader serve` without a browser: the command each session runs, refusals with one
line and exit 2, the warning off localhost, and how it stops."""

from __future__ import annotations

import shlex
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from browser_session import served
from cli_run import newsreader

from newsreader.cli.serve import session_command

pytestmark = pytest.mark.slow

HOSTILE = 'it\'s a "room"; $(touch pwned) `x` *'


def one_error(result: subprocess.CompletedProcess[str]) -> str:
    """The single stderr line of a refused command (exit 2, nothing on stdout)."""
    assert result.returncode == 2, result
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("newsreader: error: ")
    return line


def test_each_session_runs_this_interpreter_on_the_same_files_quoted_for_a_shell(
    tmp_path: Path,
) -> None:
    folder = tmp_path / HOSTILE
    folder.mkdir()
    db, config = folder / "db.json", folder / "config.toml"
    config.write_text('reviewer = "Ana Lima"\n', encoding="utf-8")
    command = session_command(db, config, "-odd-id")
    assert shlex.split(command) == [
        sys.executable,
        "-m",
        "newsreader",
        "--db",
        str(db),
        "--config",
        str(config),
        "open",
        "--",
        "-odd-id",
    ]
    assert shlex.split(session_command(db, None, None, debug=True))[3:] == [
        "--db",
        str(db),
        "--debug",
    ]
    # Through a real shell (as textual-serve runs it), with `config` in place of `open`.
    shell = session_command(db, config, None) + " config"
    result = subprocess.run(shell, shell=True, capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:2] == [f"config file: {config}", "reviewer = 'Ana Lima'"]
    assert not (tmp_path / "pwned").exists()


def test_a_port_in_use_is_refused_with_one_line(db_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        line = one_error(newsreader("serve", "--port", str(port), "--db", str(db_path)))
    assert (
        line
        == f"newsreader: error: cannot listen on 127.0.0.1 port {port} (Address already in use)"
    )


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--host", "no-such-host.invalid"], "--host no-such-host.invalid: not an address"),
        (["--port", "70000"], "--port 70000: not a port number"),
        (["--port", "eighty"], "invalid int value: 'eighty'"),
        (["no such story"], "no story matches 'no such story'"),
    ],
)
def test_bad_input_is_refused_before_serving(db_path: Path, args: list[str], says: str) -> None:
    line = one_error(newsreader("serve", "--port", "0", "--db", str(db_path), *args))
    assert says in line
    assert not db_path.exists()


def test_a_damaged_config_file_is_refused_at_start(db_path: Path, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("reviewer = [", encoding="utf-8")
    line = one_error(
        newsreader("serve", "--port", "0", "--db", str(db_path), "--config", str(config))
    )
    assert str(config) in line


def test_localhost_is_served_without_a_warning_and_sigterm_stops_it_with_status_0(
    db_path: Path,
) -> None:
    with served("--db", str(db_path)) as server:
        assert server.url.startswith("http://127.0.0.1:")
        server.process.send_signal(signal.SIGTERM)
        assert server.process.wait(30) == 0
    assert server.stderr == []


def test_another_address_is_served_with_a_warning_and_ctrl_c_stops_it_with_130(
    db_path: Path,
) -> None:
    with served("--host", "0.0.0.0", "--db", str(db_path)) as server:
        port = server.url.rsplit(":", 1)[1].strip("/")
        assert server.stop() == 130
    [warning] = server.stderr
    assert warning.startswith(f"newsreader: warning: serving on 0.0.0.0 port {port}: anyone")
    assert "write the verdicts" in warning
