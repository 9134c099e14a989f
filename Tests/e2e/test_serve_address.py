"""The right address, first: on a laptop with a Docker-style bridge (docker0, 172.17.0.1)
besides the network that holds the default route, serve's join lines say
`ssh -p PORT gruppe1@<the default route's address>`, and the other addresses are listed below
them with their interface names. `--address` changes what is printed, not where serve
listens. Without a default route, the laptop's own network card is chosen, never the bridge.

Each test builds its own laptop: a network namespace (as root; deleted afterwards) with a
docker0 bridge and a veth pair whose inner end, eth0, is the laptop's network card; its other
end is in a second namespace (the room's router). Only addresses inside those namespaces are
used."""
from serve_helpers import *  # noqa: F401,F403 (fixtures and helpers)

pytestmark = pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("ip"), reason="needs root and iproute2")


def ip(*args, netns=None, check=True):
    command = ["ip", *(["-n", netns] if netns else []), *args]
    r = subprocess.run(command, capture_output=True, text=True)
    if check:
        assert r.returncode == 0, (command, r.stderr)
    return r


class Laptop:
    """Namespace `name` with docker0 at 172.17.0.1/16 and eth0 at 10.200.N.2/24, whose peer
    (10.200.N.1) is in the namespace `name`-r; the default route via it if `route`."""

    def __init__(self, route=True):
        tag = uuid.uuid4().hex[:6]
        self.name, self.router = f"tovl-{tag}", f"tovr-{tag}"
        self.n = int(tag[:2], 16) % 250 + 1
        self.address = f"10.200.{self.n}.2"
        ip("netns", "add", self.name)
        try:
            ip("netns", "add", self.router)
            ip("link", "set", "lo", "up", netns=self.name)
            ip("link", "add", "docker0", "type", "bridge", netns=self.name)
            ip("addr", "add", "172.17.0.1/16", "dev", "docker0", netns=self.name)
            ip("link", "set", "docker0", "up", netns=self.name)
            ip("link", "add", "eth0", "type", "veth", "peer", "name", "uplink", "netns", self.router, netns=self.name)
            ip("addr", "add", f"{self.address}/24", "dev", "eth0", netns=self.name)
            ip("addr", "add", f"10.200.{self.n}.1/24", "dev", "uplink", netns=self.router)
            ip("link", "set", "uplink", "up", netns=self.router)
            ip("link", "set", "eth0", "up", netns=self.name)
            if route:
                ip("route", "add", "default", "via", f"10.200.{self.n}.1", netns=self.name)
        except BaseException:
            self.remove()
            raise

    def connects(self, address, port):
        """Whether a TCP connection to address:port inside the laptop is answered by SSH."""
        probe = ("import socket,sys\n"
                 "s = socket.create_connection((sys.argv[1], int(sys.argv[2])), timeout=5)\n"
                 "s.settimeout(5)\n"
                 "print(s.recv(64).decode(errors='replace'))\n")
        r = subprocess.run(["ip", "netns", "exec", self.name, sys.executable, "-c", probe, address, str(port)],
                           capture_output=True, text=True, timeout=15)
        return r.stdout.startswith("SSH-2.0-")

    def remove(self):
        for name in (self.name, self.router):
            ip("netns", "del", name, check=False)


@pytest.fixture
def laptop():
    made = []

    def make(route=True):
        made.append(Laptop(route))
        return made[-1]

    yield make
    for lap in made:
        lap.remove()


def join_lines(output):
    return re.findall(r"^  Gruppe \d+\s+(ssh -p \d+ gruppe\d+@\S+)   kode \S+$", output, re.M)


def other_addresses(output):
    """What the banner lists under "Maskinens andre adresser:" (to the next blank line)."""
    m = re.search(r"^Maskinens andre adresser:(.*?)(?:\n\s*\n|\Z)", output, re.M | re.S)
    assert m, output
    return m.group(1)


def test_the_join_lines_use_the_default_routes_address_and_list_docker0_below(serve, laptop):
    lap = laptop()
    s = serve(listen=None, netns=lap.name)
    out = s.output()
    assert join_lines(out) == [f"ssh -p {s.port} gruppe{n}@{lap.address}" for n in range(1, 5)], out
    assert out.index("Maskinens andre adresser:") > out.index(f"gruppe4@{lap.address}"), out
    assert "172.17.0.1 (docker0)" in other_addresses(out), out
    assert sql(s.path, "SELECT address FROM ssh_service") == lap.address


def test_address_option_changes_what_is_printed_not_where_serve_listens(serve, laptop):
    lap = laptop()
    s = serve(listen=None, netns=lap.name, args=["--address", "192.0.2.7"])
    out = s.output()
    assert join_lines(out) == [f"ssh -p {s.port} gruppe{n}@192.0.2.7" for n in range(1, 5)], out
    # Still every address of the laptop.
    assert lap.connects(lap.address, s.port) and lap.connects("172.17.0.1", s.port)


def test_without_a_default_route_the_network_card_is_chosen_not_the_bridge(serve, laptop):
    lap = laptop(route=False)
    s = serve(listen=None, netns=lap.name)
    out = s.output()
    assert join_lines(out) == [f"ssh -p {s.port} gruppe{n}@{lap.address}" for n in range(1, 5)], out
    assert "@172.17.0.1" not in out
