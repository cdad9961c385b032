// The convergence bound of docs/peers.md, measured on the real PeerTable
// window and Gossip target choice in synchronous rounds (no sockets): a
// record change must reach all 64 nodes within ConvergenceBound steps, and
// no live node's record may grow as old as the dead-node threshold.
#include "testcluster.h"

#include <QRandomGenerator>
#include <QTest>
#include <algorithm>
#include <map>
#include <memory>
#include <omview/peers/gossip.h>
#include <omview/peers/peerconfig.h>
#include <omview/peers/peertable.h>

using namespace omview;
using namespace omview::peers;

namespace {

// docs/peers.md, "Convergence": steps for N = 64 with the default fanout and window.
constexpr int ConvergenceBound = 16;
// docs/peers.md, "Dead nodes": how old a live peer's record may get.
constexpr int OldestRecordBound = 20;

class Simulation {
public:
    Simulation(int nodes, const PeerConfig &config, quint32 seed)
        : m_config(config)
        , m_random(seed)
        , m_map(test::loopbackMap(9, nodes)) {
        for (int i = 1; i <= nodes; ++i) {
            auto t = std::make_unique<PeerTable>(NodeId(i), config.deadAfterMs());
            t->setMembers(m_map);
            m_tables.push_back(std::move(t));
        }
    }

    // One step of every node, as the timers would run it, with delivery
    // before the next step: a received record waits one step before it is
    // forwarded, the slowest case of unsynchronised timers.
    void round() {
        const std::int64_t now = m_round * m_config.intervalMs;
        std::vector<std::pair<int, QList<GossipEntry>>> sent;
        std::vector<std::pair<int, int>> pulls; // (asking node, asked node)
        for (auto &t : m_tables) {
            t->setOwn(NodeStatus{}, std::uint64_t(m_round + 1), now);
            const QList<GossipEntry> window = t->window(m_config.window, now);
            for (NodeId target :
                 Gossip::chooseTargets(t->peers(), t->alivePeers(now), m_config.fanout, m_random))
                sent.emplace_back(int(target) - 1, window);
            if (const auto suspect = t->oldestSuspect(now, m_config.pullAfterMs()))
                pulls.emplace_back(int(t->self()) - 1, int(*suspect) - 1);
        }
        for (auto &[to, window] : sent)
            for (const GossipEntry &e : window)
                m_tables[to]->merge(e, now);
        // A pull and its answer take a round trip, far less than a step.
        for (auto [asking, asked] : pulls) {
            for (const GossipEntry &e : m_tables[asking]->window(m_config.window, now))
                m_tables[asked]->merge(e, now);
            for (const GossipEntry &e : m_tables[asked]->window(m_config.window, now))
                m_tables[asking]->merge(e, now);
        }
        ++m_round;
    }

    bool everyoneHas(NodeId origin, std::uint64_t version) const {
        return std::all_of(m_tables.begin(), m_tables.end(), [&](const auto &t) {
            return t->self() == origin || t->version(origin).value_or(0) >= version;
        });
    }

    // Counts, over every (node, peer) pair, how many steps old the record the
    // node holds is: ages[a] = pairs whose record is a steps old. Versions are
    // round numbers here, so the age is exact without building NodeRecords.
    void countAges(std::vector<std::uint64_t> &ages) const {
        for (const auto &t : m_tables)
            for (NodeId peer : t->peers()) {
                const auto v = t->version(peer);
                const std::size_t age = v ? std::size_t(m_round - std::int64_t(*v)) : 0;
                if (age >= ages.size())
                    ages.resize(age + 1);
                ++ages[age];
            }
    }

    std::int64_t rounds() const { return m_round; }
    QRandomGenerator &random() { return m_random; }
    int size() const { return int(m_tables.size()); }

private:
    PeerConfig m_config;
    QRandomGenerator m_random;
    NodeMap m_map;
    std::vector<std::unique_ptr<PeerTable>> m_tables;
    std::int64_t m_round = 0;
};

} // namespace

class TestGossipBound : public QObject {
    Q_OBJECT
private slots:
    void changeReachesAllWithinBound() {
        const PeerConfig config; // the defaults: fanout 2, window 16, pull after 8
        Simulation sim(64, config, 20240601);
        for (int i = 0; i < 40; ++i) // everyone has heard of everyone
            sim.round();
        std::map<int, int> histogram;
        std::vector<std::uint64_t> ages;
        const int trials = 60;
        for (int trial = 0; trial < trials; ++trial) {
            const NodeId origin = NodeId(sim.random().bounded(sim.size()) + 1);
            // The change is in the record made at the next step.
            const std::uint64_t version = std::uint64_t(sim.rounds() + 1);
            int steps = 0;
            while (!sim.everyoneHas(origin, version) && steps < 200) {
                sim.round();
                ++steps;
                sim.countAges(ages);
            }
            ++histogram[steps];
        }
        QString dist;
        int seen = 0, p99 = 0, median = 0;
        for (auto [steps, count] : histogram) {
            dist += QStringLiteral(" %1:%2").arg(steps).arg(count);
            if (seen < trials / 2 && seen + count >= trials / 2)
                median = steps;
            if (seen < trials * 99 / 100 && seen + count >= trials * 99 / 100)
                p99 = steps;
            seen += count;
        }
        const int worst = histogram.rbegin()->first;
        qInfo("steps until all 64 nodes hold a change (steps:count):%s", qPrintable(dist));
        qInfo("median %d, p99 %d, worst %d of %d trials; bound %d", median, p99, worst, trials,
              ConvergenceBound);
        QString tail;
        std::uint64_t pairs = 0, beyond = 0;
        for (std::uint64_t n : ages)
            pairs += n;
        for (std::size_t a = ages.size(); a-- > 0;) {
            beyond += ages[a];
            if (a % 5 == 0 && a >= 10)
                tail = QStringLiteral(" >=%1:%2").arg(a).arg(beyond) + tail;
        }
        const int oldest = int(ages.size()) - 1;
        qInfo("record ages over %llu (node, peer) samples, in steps:%s; oldest %d; dead after %d",
              static_cast<unsigned long long>(pairs), qPrintable(tail), oldest,
              config.deadAfterIntervals);
        QVERIFY(worst <= ConvergenceBound);
        // Live nodes are never taken for dead: the oldest record a node holds
        // of a live peer stays well clear of the threshold.
        QVERIFY(oldest <= OldestRecordBound);
        QVERIFY(OldestRecordBound < config.deadAfterIntervals);
    }
};

QTEST_GUILESS_MAIN(TestGossipBound)
#include "tst_gossipbound.moc"
