// bench_sampler: what one ProcessSampler sample of N processes costs, next to
// `top -b -n 1` and `ps -eo ...` reading the same /proc, the sampler's
// resident memory after sampling the largest N, and what the real omagentd
// keeps resident with those processes running, beside the 15 MB goal.
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <dirent.h>
#include <fcntl.h>
#include <fstream>
#include <netinet/in.h>
#include <omview/sampler/processsampler.h>
#include <optional>
#include <pwd.h>
#include <signal.h>
#include <string>
#include <string_view>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

// Heap allocations are counted while `countingAllocations` is set: the
// program's own malloc family forwards to glibc's and counts, so Qt's
// allocations are seen too. Not under the sanitizers, which bring their own.
namespace {
bool countingAllocations = false;
unsigned long allocations = 0;
} // namespace

#ifdef BENCH_COUNT_ALLOCATIONS
extern "C" {
void *__libc_malloc(size_t);
void *__libc_calloc(size_t, size_t);
void *__libc_realloc(void *, size_t);
void *__libc_memalign(size_t, size_t);
void __libc_free(void *);

void *malloc(size_t size) {
    allocations += countingAllocations;
    return __libc_malloc(size);
}
void *calloc(size_t count, size_t size) {
    allocations += countingAllocations;
    return __libc_calloc(count, size);
}
void *realloc(void *pointer, size_t size) {
    allocations += countingAllocations;
    return __libc_realloc(pointer, size);
}
void *memalign(size_t alignment, size_t size) {
    allocations += countingAllocations;
    return __libc_memalign(alignment, size);
}
void free(void *pointer) {
    __libc_free(pointer);
}
}
constexpr bool allocationsCounted = true;
#else
constexpr bool allocationsCounted = false;
#endif

namespace {

constexpr uid_t nobodyUid = 65534;

double nowMs(clockid_t clock) {
    timespec t;
    clock_gettime(clock, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

// CPU time (user + system) and wall time of one run, in milliseconds.
struct Cost {
    double cpu = 0;
    double wall = 0;
};

// The median of a set of runs, each figure on its own.
Cost median(std::vector<Cost> runs) {
    const auto middle = [&](auto field) {
        std::vector<double> values;
        for (const Cost &run : runs)
            values.push_back(run.*field);
        std::ranges::sort(values);
        return values[values.size() / 2];
    };
    return {middle(&Cost::cpu), middle(&Cost::wall)};
}

// The synthetic processes: real ones, each a static program asleep in
// pause(), children of this program. They get SIGKILL when it exits however
// it exits (PR_SET_PDEATHSIG), and are killed and reaped on destruction.
class SleeperPool {
public:
    SleeperPool(const char *program, std::optional<uid_t> uid)
        : program_(program)
        , uid_(uid) {}
    ~SleeperPool() {
        for (const pid_t pid : pids_)
            kill(pid, SIGKILL);
        for (const pid_t pid : pids_)
            while (waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {
            }
    }
    SleeperPool(const SleeperPool &) = delete;
    SleeperPool &operator=(const SleeperPool &) = delete;

    std::size_t size() const { return pids_.size(); }

    // Starts sleepers until there are count; returns once each has exec'ed.
    bool growTo(std::size_t count) {
        // Each child holds the write end until its exec closes it: the read
        // end reaches its end when every child of the batch has exec'ed.
        int execed[2];
        if (pipe2(execed, O_CLOEXEC) != 0)
            return false;
        const pid_t parent = getpid();
        bool ok = true;
        while (pids_.size() < count) {
            char index[16];
            *std::to_chars(index, index + 15, pids_.size()).ptr = '\0';
            const pid_t pid = fork();
            if (pid < 0) {
                std::fprintf(stderr, "fork after %zu sleepers: %s\n", pids_.size(),
                             std::strerror(errno));
                ok = false;
                break;
            }
            if (pid == 0) {
                // Not holding the benchmark's output open.
                const int null = open("/dev/null", O_RDWR);
                for (int fd = 0; fd < 3; ++fd)
                    dup2(null, fd);
                if (uid_ && setresuid(*uid_, *uid_, *uid_) != 0)
                    _exit(1);
                // After setresuid(), which clears the parent-death signal.
                prctl(PR_SET_PDEATHSIG, SIGKILL);
                if (getppid() != parent)
                    _exit(1);
                char *const argv[] = {const_cast<char *>(program_), index, nullptr};
                execv(program_, argv);
                _exit(127);
            }
            pids_.push_back(pid);
        }
        close(execed[1]);
        char byte;
        while (read(execed[0], &byte, 1) < 0 && errno == EINTR) {
        }
        close(execed[0]);
        return ok;
    }

private:
    const char *program_;
    std::optional<uid_t> uid_;
    std::vector<pid_t> pids_;
};

// Runs argv with its output thrown away; nullopt when it could not run.
std::optional<Cost> runCommand(const std::vector<const char *> &argv) {
    const double start = nowMs(CLOCK_MONOTONIC);
    const pid_t pid = fork();
    if (pid < 0)
        return std::nullopt;
    if (pid == 0) {
        const int null = open("/dev/null", O_WRONLY);
        dup2(null, STDOUT_FILENO);
        dup2(null, STDERR_FILENO);
        std::vector<char *> args;
        for (const char *arg : argv)
            args.push_back(const_cast<char *>(arg));
        args.push_back(nullptr);
        execvp(args[0], args.data());
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
    }
    const double wall = nowMs(CLOCK_MONOTONIC) - start;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return std::nullopt;
    const auto ms = [](const timeval &t) {
        return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_usec) / 1e3;
    };
    return Cost{ms(usage.ru_utime) + ms(usage.ru_stime), wall};
}

std::optional<Cost> commandCost(const std::vector<const char *> &argv, int runs) {
    if (!runCommand(argv)) // warms the page cache, and finds out whether it runs at all
        return std::nullopt;
    std::vector<Cost> costs;
    for (int i = 0; i < runs; ++i) {
        const auto cost = runCommand(argv);
        if (!cost)
            return std::nullopt;
        costs.push_back(*cost);
    }
    return median(costs);
}

struct SampleCost {
    Cost cost;
    std::size_t processes = 0;
    unsigned long allocations = 0; // during the last run
};

// One sample of the sampler, on this thread's CPU clock.
std::optional<Cost> timedSample(omview::ProcessSampler &sampler, unsigned long &allocated) {
    const double cpu = nowMs(CLOCK_THREAD_CPUTIME_ID);
    const double wall = nowMs(CLOCK_MONOTONIC);
    allocations = 0;
    countingAllocations = true;
    const auto result = sampler.sample();
    countingAllocations = false;
    allocated = allocations;
    const Cost cost{nowMs(CLOCK_THREAD_CPUTIME_ID) - cpu, nowMs(CLOCK_MONOTONIC) - wall};
    if (!result) {
        std::fprintf(stderr, "sample failed: %s\n", qPrintable(result.error()));
        return std::nullopt;
    }
    return cost;
}

omview::ProcessSampler::Options samplerOptions(bool keepFilesOpen) {
    omview::ProcessSampler::Options options;
    if (!keepFilesOpen)
        options.keepStatFilesOpen = 0;
    return options;
}

// A sampler that has sampled before: each interval of the agent.
std::optional<SampleCost> steadySamples(int runs, bool keepFilesOpen) {
    omview::ProcessSampler sampler(samplerOptions(keepFilesOpen));
    unsigned long allocated = 0;
    if (!timedSample(sampler, allocated) || !timedSample(sampler, allocated))
        return std::nullopt;
    SampleCost result;
    std::vector<Cost> costs;
    for (int i = 0; i < runs; ++i) {
        const auto cost = timedSample(sampler, allocated);
        if (!cost)
            return std::nullopt;
        costs.push_back(*cost);
    }
    result.cost = median(costs);
    result.processes = sampler.table().size();
    result.allocations = allocated;
    return result;
}

// A new sampler each time: every string is built, as top and ps do.
std::optional<SampleCost> firstSamples(int runs) {
    SampleCost result;
    std::vector<Cost> costs;
    for (int i = 0; i < runs; ++i) {
        omview::ProcessSampler sampler;
        unsigned long allocated = 0;
        const auto cost = timedSample(sampler, allocated);
        if (!cost)
            return std::nullopt;
        costs.push_back(*cost);
        result.processes = sampler.table().size();
        result.allocations = allocated;
    }
    result.cost = median(costs);
    return result;
}

// kB of a "Vm...:" line of /proc/self/status.
long statusKilobytes(const char *key) {
    FILE *file = std::fopen("/proc/self/status", "r");
    if (!file)
        return -1;
    char line[256];
    long value = -1;
    const std::size_t length = std::strlen(key);
    while (std::fgets(line, sizeof line, file)) {
        if (std::strncmp(line, key, length) == 0 && line[length] == ':') {
            value = std::strtol(line + length + 1, nullptr, 10);
            break;
        }
    }
    std::fclose(file);
    return value;
}

int openDescriptors() {
    DIR *dir = opendir("/proc/self/fd");
    if (!dir)
        return -1;
    int count = -1; // the directory's own descriptor
    while (const dirent *entry = readdir(dir)) {
        if (entry->d_name[0] != '.')
            ++count;
    }
    closedir(dir);
    return count;
}

// --rss-probe: a fresh process that only samples, so that its resident set is
// the sampler's (with Qt Core, as in the agent) and not the benchmark's.
int rssProbe() {
    const long before = statusKilobytes("VmRSS");
    const int descriptors = openDescriptors();
    omview::ProcessSampler sampler;
    for (int i = 0; i < 3; ++i) {
        if (const auto result = sampler.sample(); !result) {
            std::fprintf(stderr, "sample failed: %s\n", qPrintable(result.error()));
            return 1;
        }
    }
    std::printf("%zu %ld %ld %ld %d\n", sampler.table().size(), before, statusKilobytes("VmRSS"),
                statusKilobytes("VmHWM"), openDescriptors() - descriptors);
    return 0;
}

// What a process keeps resident, in kB, from /proc/PID/smaps_rollup and smaps.
struct Memory {
    long rss = -1;       // every page mapped in, shared ones counted whole
    long pss = -1;       // shared pages divided among the processes that map them
    long anonymous = -1; // private to the process: heap, stacks, libraries' relocated data
    long heap = -1;      // of which the malloc heap ([heap])
    long file() const { return rss - anonymous; } // libraries and the program: shared, clean
};

std::optional<Memory> memoryOf(pid_t pid) {
    Memory m;
    std::ifstream rollup("/proc/" + std::to_string(pid) + "/smaps_rollup");
    std::string line;
    const auto field = [&line](std::string_view key, long &into) {
        if (line.starts_with(key))
            into = std::strtol(line.c_str() + key.size(), nullptr, 10);
    };
    while (std::getline(rollup, line)) {
        field("Rss:", m.rss);
        field("Pss:", m.pss);
        field("Anonymous:", m.anonymous);
    }
    std::ifstream smaps("/proc/" + std::to_string(pid) + "/smaps");
    bool inHeap = false;
    while (std::getline(smaps, line)) {
        if (!line.empty() && std::isxdigit(static_cast<unsigned char>(line[0])) &&
            line.find('-') < line.find(' '))
            inHeap = line.ends_with("[heap]");
        else if (inHeap && line.starts_with("Rss:"))
            m.heap = std::strtol(line.c_str() + 4, nullptr, 10);
    }
    if (m.rss < 0 || m.pss < 0 || m.anonymous < 0)
        return std::nullopt;
    return m;
}

// A UDP and TCP port on 127.0.0.1 that nothing uses right now.
int freePort() {
    for (int attempt = 0; attempt < 20; ++attempt) {
        const int udp = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof a;
        const bool bound = bind(udp, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0 &&
                           getsockname(udp, reinterpret_cast<sockaddr *>(&a), &length) == 0;
        const int tcp = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        const bool tcpFree = bound && bind(tcp, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0;
        close(udp);
        close(tcp);
        if (tcpFree)
            return ntohs(a.sin_port);
    }
    return 0;
}

bool writeFile(const std::string &path, std::string_view text, mode_t mode) {
    const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
    if (fd < 0)
        return false;
    const bool ok = write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    close(fd);
    return ok;
}

// Sends the lines of @request to the agent's socket and reads @answers lines back; false
// when the agent does not answer within the timeout. @pids counts the "pid" keys received.
bool askAgent(const std::string &socketPath, std::string_view request, int answers,
              std::size_t &pids) {
    const int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_un a{};
    a.sun_family = AF_UNIX;
    std::snprintf(a.sun_path, sizeof a.sun_path, "%s", socketPath.c_str());
    const timeval timeout{30, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    bool ok = connect(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0 &&
              write(fd, request.data(), request.size()) == static_cast<ssize_t>(request.size());
    char buffer[65536];
    constexpr std::string_view key = "\"pid\":";
    std::string tail; // the end of the last read, for a key split between two
    while (ok && answers > 0) {
        const ssize_t got = read(fd, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR)
            continue;
        ok = got > 0;
        if (!ok)
            break;
        const std::string text = tail + std::string(buffer, static_cast<std::size_t>(got));
        for (std::size_t at = text.find(key); at != std::string::npos;
             at = text.find(key, at + key.size()))
            ++pids;
        tail = text.substr(text.size() - std::min(text.size(), key.size() - 1));
        for (ssize_t i = 0; i < got; ++i)
            answers -= buffer[i] == '\n';
    }
    close(fd);
    return ok;
}

struct AgentMemory {
    std::size_t requested = 0;     // N
    std::size_t processes = 0;     // all on the machine, as the agent counted them
    std::optional<Memory> idle;    // after a few samples, no client
    std::optional<Memory> serving; // after answering proc.list of every process
    std::string error;
};

// The real omagentd as a node runs it: the emulated /proc/hpc, in a map of two nodes (so
// gossip and the peer channel are up), on a private socket, sampling every process there is.
AgentMemory measureAgent(std::size_t requested) {
    AgentMemory result;
    result.requested = requested;
    char dirTemplate[] = "/tmp/bench_sampler.XXXXXX";
    if (!mkdtemp(dirTemplate)) {
        result.error = std::string("mkdtemp: ") + std::strerror(errno);
        return result;
    }
    const std::string dir = dirTemplate;
    const std::string socketPath = dir + "/omagentd.sock";
    const std::string port = std::to_string(freePort());
    if (!writeFile(dir + "/openmosix.map", "1 127.0.0.1 2\n", 0644) ||
        !writeFile(dir + "/cluster.key", "bench_sampler cluster key: 32 bytes or more of secret\n",
                   0600)) {
        result.error = "cannot write the agent's files in " + dir;
        return result;
    }
    const std::vector<std::string> args{
        OMAGENTD_PATH,   "--config", "/dev/null",      "--hpc=emulated",
        "--socket",      socketPath, "--map",          dir + "/openmosix.map",
        "--node-id",     "1",        "--cluster-key",  dir + "/cluster.key",
        "--gossip-port", port,       "--channel-port", port,
        "--admin-group", "nogroup"};
    const pid_t agent = fork();
    if (agent == 0) {
        const int null = open("/dev/null", O_RDWR);
        for (int fd = 0; fd < 3; ++fd)
            dup2(null, fd);
        std::vector<char *> argv;
        for (const std::string &arg : args)
            argv.push_back(const_cast<char *>(arg.c_str()));
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    const auto stop = [&] {
        if (agent > 0) {
            kill(agent, SIGTERM);
            while (waitpid(agent, nullptr, 0) < 0 && errno == EINTR) {
            }
        }
        for (const char *file : {"/openmosix.map", "/cluster.key", "/omagentd.sock"})
            unlink((dir + file).c_str());
        rmdir(dir.c_str());
    };
    struct stat st{};
    for (int i = 0; i < 400 && stat(socketPath.c_str(), &st) != 0; ++i)
        usleep(50'000);
    if (agent < 0 || stat(socketPath.c_str(), &st) != 0) {
        result.error = "omagentd did not come up";
        stop();
        return result;
    }
    sleep(6); // a few samples of every process, the emulation's per-process table filled
    result.idle = memoryOf(agent);
    const bool answered =
        askAgent(socketPath,
                 "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"hello\",\"params\":{\"client\":"
                 "\"bench_sampler\",\"protocol\":1}}\n"
                 "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"proc.list\",\"params\":{}}\n",
                 2, result.processes);
    if (!answered)
        result.error = "omagentd did not answer proc.list";
    sleep(2);
    result.serving = memoryOf(agent);
    stop();
    return result;
}

std::string megabytes(long kilobytes) {
    char text[24];
    std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(kilobytes) / 1024);
    return text;
}

void printAgentMemory(const std::vector<AgentMemory> &runs) {
    std::printf(
        "\nomagentd's memory with the N processes running (the emulated /proc/hpc, in a map of "
        "two nodes, sampling each second),\nfrom /proc/PID/smaps_rollup: 'idle' after 6 "
        "samples with no client, 'served' 2 s after answering proc.list of every process.\n"
        "RSS counts every page mapped in; 'libraries' is its file-backed part: Qt Core and "
        "Network and what they load (ICU,\nglib, libproxy, GSSAPI, ...), clean pages shared "
        "with every process that maps the same files, which PSS divides among\nthem. "
        "'private' is the anonymous part, the agent's own: heap (of it 'heap'), stack and "
        "the libraries' relocated data.\n\n");
    std::printf("%6s | %6s | %7s | %9s | %10s | %9s | %8s | %8s | %-11s | %s\n", "N", "procs",
                "when", "RSS", "libraries", "private", "heap", "PSS", "RSS < 15 MB",
                "private < 15 MB");
    std::printf("%s\n", std::string(116, '-').c_str());
    for (const AgentMemory &m : runs) {
        const auto row = [&m](const char *when, const std::optional<Memory> &memory) {
            if (!memory) {
                std::printf("%6zu | %6s | %7s | %9s | %10s | %9s | %8s | %8s | %-11s | %s\n",
                            m.requested, "", when, "n/a", "n/a", "n/a", "n/a", "n/a", "n/a",
                            m.error.empty() ? "n/a" : m.error.c_str());
                return;
            }
            std::printf("%6zu | %6zu | %7s | %9s | %10s | %9s | %8s | %8s | %-11s | %s\n",
                        m.requested, m.processes, when, megabytes(memory->rss).c_str(),
                        megabytes(memory->file()).c_str(), megabytes(memory->anonymous).c_str(),
                        megabytes(memory->heap).c_str(), megabytes(memory->pss).c_str(),
                        memory->rss < 15 * 1024 ? "met" : "not met",
                        memory->anonymous < 15 * 1024 ? "met" : "not met");
        };
        row("idle", m.idle);
        row("served", m.serving);
    }
}

// As the agent should: a sampler may keep a file open per process, and the
// soft limit is often 1024 for select()'s sake, which Qt does not use.
void raiseDescriptorLimit() {
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

std::optional<std::string> captureSelf(const char *argument) {
    int out[2];
    if (pipe2(out, O_CLOEXEC) != 0)
        return std::nullopt;
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(out[1], STDOUT_FILENO);
        execl("/proc/self/exe", "bench_sampler", argument, nullptr);
        _exit(127);
    }
    close(out[1]);
    std::string text;
    char buffer[256];
    ssize_t got;
    while ((got = read(out[0], buffer, sizeof buffer)) > 0 || (got < 0 && errno == EINTR)) {
        if (got > 0)
            text.append(buffer, static_cast<std::size_t>(got));
    }
    close(out[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    if (pid < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return std::nullopt;
    return text;
}

std::string cell(const std::optional<Cost> &cost) {
    if (!cost)
        return "n/a";
    char text[48];
    std::snprintf(text, sizeof text, "%.2f (%.1f)", cost->cpu, cost->wall);
    return text;
}

std::string ratio(const std::optional<Cost> &part, const std::optional<Cost> &whole) {
    if (!part || !whole || whole->cpu <= 0)
        return "n/a";
    char text[24];
    std::snprintf(text, sizeof text, "%.3f", part->cpu / whole->cpu);
    return text;
}

struct Arguments {
    std::vector<std::size_t> sizes{100, 1000, 10000};
    int runs = 5;
    bool rootSleepers = false;
};

std::optional<Arguments> parseArguments(int argc, char **argv) {
    Arguments arguments;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const auto number = [](std::string_view text, auto &value) {
            return std::from_chars(text.data(), text.data() + text.size(), value).ec ==
                       std::errc() &&
                   value > 0;
        };
        if (arg.starts_with("--sizes=")) {
            arguments.sizes.clear();
            std::string_view list = arg.substr(8);
            while (!list.empty()) {
                const std::size_t comma = list.find(',');
                std::size_t size = 0;
                if (!number(list.substr(0, comma), size))
                    return std::nullopt;
                arguments.sizes.push_back(size);
                list =
                    comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
            }
            std::ranges::sort(arguments.sizes);
        } else if (arg.starts_with("--runs=")) {
            if (!number(arg.substr(7), arguments.runs))
                return std::nullopt;
        } else if (arg == "--root-sleepers") {
            arguments.rootSleepers = true;
        } else {
            return std::nullopt;
        }
    }
    if (arguments.sizes.empty())
        return std::nullopt;
    return arguments;
}

void printHeader(const Arguments &arguments, std::optional<uid_t> sleeperUid) {
    std::printf(
        "bench_sampler: CPU cost of one full process table, omview ProcessSampler vs top and ps\n"
        "\n"
        "Method: N real processes are started on top of those already running (the static\n"
        "program bench_sleeper, asleep in pause(), run as %s), and all three read\n"
        "this machine's live /proc. Real processes rather than a synthetic tree bind-mounted\n"
        "over /proc, because what /proc costs is the kernel making each file from the live\n"
        "task (locks, thread walks, number formatting), which a tmpfs copy would not\n"
        "reproduce; and ps and top then need no private mount namespace.\n"
        "  steady       a ProcessSampler that sampled before, as in the agent every interval:\n"
        "               stat files kept open from the last sample (the default), unchanged\n"
        "               strings kept, argv re-read 1 sample in 32 (the default)\n"
        "  reopen       the same with keepStatFilesOpen = 0: open/read/close each time, as\n"
        "               top and ps do\n"
        "  first        a new ProcessSampler: every file opened, every string built\n"
        "  top          top -b -n 1 (output to /dev/null), a child process\n"
        "  ps           ps -eo pid,ppid,user,stat,pcpu,rss,nice,lstart,args (likewise)\n"
        "top and ps figures include starting the program, which is what one table costs with\n"
        "them. Each cell: CPU ms (user+system) and wall ms in parentheses, median of %d runs\n"
        "after a warm-up. 'procs' is the number of processes the sampler saw. Ratios compare\n"
        "CPU time: on a shared machine wall time is mostly other people's load. 'allocs' is\n"
        "heap allocations during one steady sample (Qt's included; new processes need some).\n"
        "After the table: what the real omagentd keeps resident with the same processes.\n\n",
        sleeperUid ? "uid 65534 (nobody) like users' jobs" : "the benchmark's own user",
        arguments.runs);
    std::printf("%6s | %6s | %15s | %15s | %15s | %16s | %16s | %10s | %10s | %10s | %6s\n", "N",
                "procs", "steady", "reopen", "first", "top", "ps", "steady/top", "reopen/top",
                "first/top", "allocs");
    std::printf("%s\n", std::string(158, '-').c_str());
}

} // namespace

int main(int argc, char **argv) {
    if (argc == 2 && std::string_view(argv[1]) == "--rss-probe")
        return rssProbe();
    const auto arguments = parseArguments(argc, argv);
    if (!arguments) {
        std::fprintf(stderr, "usage: bench_sampler [--sizes=100,1000,10000] [--runs=5] "
                             "[--root-sleepers]\n");
        return 2;
    }
    std::optional<uid_t> sleeperUid;
    if (geteuid() == 0 && !arguments->rootSleepers)
        sleeperUid = nobodyUid;
    printHeader(*arguments, sleeperUid);
    std::fflush(stdout);

    raiseDescriptorLimit();
    SleeperPool sleepers(BENCH_SLEEPER_PATH, sleeperUid);
    const std::vector<const char *> top{"top", "-b", "-n", "1"};
    const std::vector<const char *> ps{"ps", "-eo", "pid,ppid,user,stat,pcpu,rss,nice,lstart,args"};
    const auto costOf = [](const std::optional<SampleCost> &sample) {
        return sample ? std::optional(sample->cost) : std::nullopt;
    };
    std::vector<AgentMemory> agentRuns;
    for (const std::size_t n : arguments->sizes) {
        if (!sleepers.growTo(n)) {
            std::fprintf(stderr, "could not start %zu sleepers\n", n);
            return 1;
        }
        const auto steady = steadySamples(arguments->runs, true);
        const auto reopen = steadySamples(arguments->runs, false);
        const auto first = firstSamples(arguments->runs);
        const auto topCost = commandCost(top, arguments->runs);
        const auto psCost = commandCost(ps, arguments->runs);
        const std::string allocs =
            steady && allocationsCounted ? std::to_string(steady->allocations) : "n/a";
        agentRuns.push_back(measureAgent(n));
        std::printf("%6zu | %6zu | %15s | %15s | %15s | %16s | %16s | %10s | %10s | %10s | %6s\n",
                    n, steady ? steady->processes : 0, cell(costOf(steady)).c_str(),
                    cell(costOf(reopen)).c_str(), cell(costOf(first)).c_str(),
                    cell(topCost).c_str(), cell(psCost).c_str(),
                    ratio(costOf(steady), topCost).c_str(), ratio(costOf(reopen), topCost).c_str(),
                    ratio(costOf(first), topCost).c_str(), allocs.c_str());
        std::fflush(stdout);
    }

    const auto probe = captureSelf("--rss-probe");
    std::size_t processes = 0;
    long before = 0, rss = 0, peak = 0;
    int kept = 0;
    if (!probe || std::sscanf(probe->c_str(), "%zu %ld %ld %ld %d", &processes, &before, &rss,
                              &peak, &kept) != 5) {
        std::fprintf(stderr, "the RSS probe failed\n");
        return 1;
    }
    std::printf(
        "\nSampler RSS after sampling %zu processes (3 samples, in a fresh process with Qt "
        "Core): %.1f MB, peak %.1f MB\n(%.1f MB before the first sample); the whole agent's "
        "below. Stat files kept open: %d, about %.0f MB of kernel memory.\n",
        processes, static_cast<double>(rss) / 1024, static_cast<double>(peak) / 1024,
        static_cast<double>(before) / 1024, kept, kept * 4.5 / 1024);
    std::fflush(stdout);

    printAgentMemory(agentRuns);
    return 0;
}
