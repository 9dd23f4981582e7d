"""The guard that proves "nothing leaves the machine" works: it refuses outbound connections and
name lookups before anything is sent, and lets loopback through."""

from __future__ import annotations

import socket

import pytest

from tests import network_guard


@pytest.fixture
def guard(monkeypatch):
    """The installed guard, with spies on the real socket calls; forgets this test's attempts."""
    calls: list[str] = []
    real_connect, real_lookup = network_guard._real_connect, network_guard._real_getaddrinfo

    def spy_connect(sock, address):
        calls.append(f"connect {address!r}")
        return real_connect(sock, address)

    def spy_lookup(host, *args, **kwargs):
        calls.append(f"lookup {host!r}")
        return real_lookup(host, *args, **kwargs)

    monkeypatch.setattr(network_guard, "_real_connect", spy_connect)
    monkeypatch.setattr(network_guard, "_real_getaddrinfo", spy_lookup)
    already = len(network_guard.attempts)
    try:
        yield calls
    finally:
        recorded = network_guard.attempts[already:]
        del network_guard.attempts[already:]
        calls.append(f"recorded {recorded!r}")


def test_the_guard_is_installed_for_the_whole_run():
    assert socket.socket.connect is network_guard._connect
    assert socket.socket.connect_ex is network_guard._connect_ex
    assert socket.getaddrinfo is network_guard._getaddrinfo


@pytest.mark.parametrize("method", ["connect", "connect_ex"])
def test_a_connection_to_a_public_address_is_refused_before_anything_is_sent(guard, method):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        with pytest.raises(network_guard.OutboundNetworkBlocked, match=r"192\.0\.2\.1"):
            getattr(sock, method)(("192.0.2.1", 9))
        with pytest.raises(OSError, match="not connected"):
            sock.getpeername()
    assert guard == [], "the real connect must never be reached"
    assert network_guard.attempts[-1] == "connect to ('192.0.2.1', 9)"


def test_an_ipv6_connection_to_a_public_address_is_refused(guard):
    if not socket.has_ipv6:
        pytest.skip("no IPv6 in this Python")
    with (
        socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as sock,
        pytest.raises(network_guard.OutboundNetworkBlocked),
    ):
        sock.connect(("2001:db8::1", 9, 0, 0))
    assert guard == []


@pytest.mark.parametrize("host", ["example.com", b"example.com", "192.0.2.1"])
def test_a_name_lookup_is_refused_before_any_query(guard, host):
    with pytest.raises(network_guard.OutboundNetworkBlocked):
        socket.getaddrinfo(host, 80)
    assert guard == []
    assert network_guard.attempts[-1].startswith("name lookup of")


def test_create_connection_by_name_is_refused(guard):
    with pytest.raises(network_guard.OutboundNetworkBlocked, match=r"example\.com"):
        socket.create_connection(("example.com", 80), timeout=0.5)
    assert guard == []


def test_loopback_is_allowed():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        port = server.getsockname()[1]
        with socket.create_connection(("127.0.0.1", port), timeout=5) as client:
            accepted, _ = server.accept()
            with accepted:
                client.sendall(b"ping")
                assert accepted.recv(4) == b"ping"
        assert socket.getaddrinfo("localhost", port)


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.5.6.7", True),
        ("::1", True),
        ("localhost", True),
        (b"127.0.0.1", True),
        ("192.0.2.1", False),
        ("10.0.0.1", False),
        ("0.0.0.0", False),
        ("example.com", False),
        (None, False),
    ],
)
def test_what_counts_as_loopback(host, loopback):
    assert network_guard.is_loopback(host) is loopback
