// The datagram envelope, the replay window, the gossip payload codec and the
// channel's key schedule, without sockets.
#include "testcluster.h"

#include <QTest>
#include <omview/peers/channelcrypto.h>
#include <omview/peers/gossipmessage.h>
#include <omview/peers/packetauthenticator.h>
#include <omview/peers/replaywindow.h>

using namespace omview;
using namespace omview::peers;

class TestPacket : public QObject {
    Q_OBJECT

    PacketAuthenticator auth(char fill = 'k', PacketKind kind = PacketKind::Load) {
        return PacketAuthenticator(test::key(fill).derive("load"), kind);
    }

private slots:
    void sealsAndOpens() {
        const QByteArray packet = auth().seal(7, 42, 1700000000123, "payload");
        QCOMPARE(packet.size(), PacketAuthenticator::HeaderSize + 7 + PacketAuthenticator::MacSize);
        QCOMPARE(packet.left(4), QByteArray("OMVP"));
        auto p = auth().open(packet);
        QVERIFY(p.has_value());
        QCOMPARE(p->sender, 7u);
        QCOMPARE(p->sequence, 42u);
        QCOMPARE(p->timestampMs, 1700000000123);
        QCOMPARE(p->payload, QByteArray("payload"));
    }

    void dropsWrongKey() {
        const QByteArray packet = auth('x').seal(7, 42, 1, "payload");
        QCOMPARE(auth().open(packet).error(), DropReason::BadMac);
    }

    void dropsEveryTamperedByte() {
        const QByteArray packet = auth().seal(7, 42, 1, "some payload");
        for (qsizetype i = 0; i < packet.size(); ++i) {
            QByteArray t = packet;
            t[i] = char(t[i] ^ 0x01);
            auto p = auth().open(t);
            QVERIFY2(!p.has_value(), qPrintable(QString("byte %1").arg(i)));
            // Magic, version and length fail the layout check first; all else,
            // the kind included, the MAC.
            const bool layout = i < 5 || i == 6 || i == 7;
            QCOMPARE(p.error(), layout ? DropReason::Malformed : DropReason::BadMac);
        }
    }

    void dropsMalformed() {
        const QByteArray packet = auth().seal(7, 42, 1, "payload");
        QCOMPARE(auth().open(packet.left(20)).error(), DropReason::Malformed);
        QCOMPARE(auth().open(packet.chopped(1)).error(), DropReason::Malformed);
        QCOMPARE(auth().open(packet + "x").error(), DropReason::Malformed);
        QCOMPARE(auth().open(QByteArray()).error(), DropReason::Malformed);
        // Sealed with the right key but as another kind: not accepted.
        const QByteArray announce = auth('k', PacketKind::Announce).seal(7, 1, 1, "a");
        QCOMPARE(auth().open(announce).error(), DropReason::Malformed);
    }

    void replayWindowAcceptsOnce() {
        ReplayWindow w(30000, 8);
        const std::int64_t now = 1000000;
        QCOMPARE(w.check("a", 100, now, now), ReplayWindow::Verdict::Fresh);
        QCOMPARE(w.check("a", 100, now, now), ReplayWindow::Verdict::Replayed);
        QCOMPARE(w.check("a", 103, now, now), ReplayWindow::Verdict::Fresh);
        // Reordered but unseen, within the window: accepted once.
        QCOMPARE(w.check("a", 101, now, now), ReplayWindow::Verdict::Fresh);
        QCOMPARE(w.check("a", 101, now, now), ReplayWindow::Verdict::Replayed);
        QCOMPARE(w.check("a", 102, now, now), ReplayWindow::Verdict::Fresh);
        // Far behind the highest: cannot be told from a replay, refused.
        QCOMPARE(w.check("a", 500, now, now), ReplayWindow::Verdict::Fresh);
        QCOMPARE(w.check("a", 500 - ReplayWindow::Width, now, now),
                 ReplayWindow::Verdict::Replayed);
        QCOMPARE(w.check("a", 500 - ReplayWindow::Width + 1, now, now),
                 ReplayWindow::Verdict::Fresh);
        // Senders are independent.
        QCOMPARE(w.check("b", 100, now, now), ReplayWindow::Verdict::Fresh);
    }

    void replayWindowChecksTime() {
        ReplayWindow w(30000, 8);
        const std::int64_t now = 1000000;
        QCOMPARE(w.check("a", 1, now - 30001, now), ReplayWindow::Verdict::Stale);
        QCOMPARE(w.check("a", 1, now + 30001, now), ReplayWindow::Verdict::Stale);
        QCOMPARE(w.size(), 0);
        QCOMPARE(w.check("a", 1, now - 30000, now), ReplayWindow::Verdict::Fresh);
    }

    void replayCacheIsBounded() {
        ReplayWindow w(1000, 2);
        const std::int64_t now = 1000000;
        QCOMPARE(w.check("a", 1, now, now), ReplayWindow::Verdict::Fresh);
        QCOMPARE(w.check("b", 1, now, now), ReplayWindow::Verdict::Fresh);
        // Full of live senders: a third is refused, nothing is forgotten early.
        QCOMPARE(w.check("c", 1, now, now), ReplayWindow::Verdict::Full);
        QCOMPARE(w.check("a", 1, now, now), ReplayWindow::Verdict::Replayed);
        // After 2 × skew of silence an entry may go: its packets are all stale now.
        const std::int64_t later = now + 2001;
        QCOMPARE(w.check("c", 1, later, later), ReplayWindow::Verdict::Fresh);
        QCOMPARE(w.size(), 1);
        QCOMPARE(w.check("a", 1, now, later), ReplayWindow::Verdict::Stale);
    }

    void gossipMessageRoundTrip() {
        GossipEntry e;
        e.status.id = 513;
        e.status.hostname = "node-a";
        e.status.status = 3;
        e.status.load = 250;
        e.status.exportLoad = 300;
        e.status.loadAvg[0] = 1.25;
        e.status.loadAvg[1] = 0.5;
        e.status.loadAvg[2] = 0.01;
        e.status.speed = 12000;
        e.status.cpus = 8;
        e.status.memTotal = 16ull << 30;
        e.status.memUsed = 4ull << 30;
        e.status.memFree = 10ull << 30;
        e.status.memAvailable = 12ull << 30;
        e.status.util = 37;
        e.status.sampledAt = 1700000000000;
        e.version = 99;
        e.ageMs = 1234;
        GossipEntry dead;
        dead.status.id = 2;
        dead.status.status = -110;
        const QByteArray payload =
            GossipMessage{GossipMessage::AnswerRequested, {e, dead}}.encode();
        auto decoded = GossipMessage::decode(payload);
        QVERIFY(decoded.has_value());
        QCOMPARE(decoded->flags, GossipMessage::AnswerRequested);
        QCOMPARE(decoded->entries.size(), 2);
        QCOMPARE(decoded->entries.at(0), e);
        QCOMPARE(decoded->entries.at(1), dead);
        // Memory travels in pages: a partial page is dropped.
        e.status.memFree = 4096 * 3 + 100;
        QCOMPARE(
            GossipMessage::decode(GossipMessage{0, {e}}.encode())->entries.at(0).status.memFree,
            4096 * 3);
    }

    void gossipMessageMalformed() {
        GossipEntry e;
        e.status.id = 1;
        const QByteArray payload = GossipMessage{0, {e}}.encode();
        QCOMPARE(GossipMessage::decode(payload.chopped(1)).error(), DropReason::Malformed);
        QCOMPARE(GossipMessage::decode(payload + "x").error(), DropReason::Malformed);
        QByteArray zeroId = payload;
        zeroId[2] = 0;
        zeroId[3] = 0;
        QCOMPARE(GossipMessage::decode(zeroId).error(), DropReason::Malformed);
        QByteArray unknownFlag = payload;
        unknownFlag[0] = 2;
        QCOMPARE(GossipMessage::decode(unknownFlag).error(), DropReason::Malformed);
        QVERIFY(GossipMessage::decode(QByteArray(2, '\0'))->entries.isEmpty());
    }

    void channelKeySchedule() {
        HandshakeContext c{test::key().derive("channel"), 1, 2, ChannelCrypto::nonce(),
                           ChannelCrypto::nonce()};
        QCOMPARE(c.clientNonce.size(), ChannelCrypto::NonceSize);
        QVERIFY(c.clientNonce != c.serverNonce);
        QVERIFY(ChannelCrypto::serverProof(c) != ChannelCrypto::clientProof(c));
        QVERIFY(ChannelCrypto::clientToServerKey(c) != ChannelCrypto::serverToClientKey(c));
        HandshakeContext other = c;
        other.serverNonce = ChannelCrypto::nonce();
        QVERIFY(ChannelCrypto::clientToServerKey(c) != ChannelCrypto::clientToServerKey(other));
        const QByteArray k = ChannelCrypto::clientToServerKey(c);
        QVERIFY(ChannelCrypto::frameMac(k, 0, 2, 5, "x") !=
                ChannelCrypto::frameMac(k, 1, 2, 5, "x"));
        QVERIFY(ChannelCrypto::frameMac(k, 0, 2, 5, "x") !=
                ChannelCrypto::frameMac(k, 0, 3, 5, "x"));
    }
};

QTEST_GUILESS_MAIN(TestPacket)
#include "tst_packet.moc"
