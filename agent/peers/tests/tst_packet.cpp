// The datagram envelope, the replay window, the gossip payload codec, the
// channel's key schedule and its frame cipher, without sockets.
#include "testcluster.h"

#include <QElapsedTimer>
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
        // The direction keys are the frame ciphers' keys.
        QCOMPARE(ChannelCrypto::clientToServerKey(c).size(), FrameCipher::KeySize);
        QCOMPARE(ChannelCrypto::serverToClientKey(c).size(), FrameCipher::KeySize);
    }

    // RFC 8439 appendix A.5, whose nonce is 4 zero bytes and 01..08: exactly
    // the channel's nonce for sequence 0x0102030405060708. Pins the cipher,
    // the nonce layout and the place of the tag.
    void frameCipherMatchesRfc8439() {
        const QByteArray key = QByteArray::fromHex("1c9240a5eb55d38af333888604f6b5f0"
                                                   "473917c1402b80099dca5cbc207075c0");
        const QByteArray aad = QByteArray::fromHex("f33388860000000000004e91");
        const std::uint64_t sequence = 0x0102030405060708;
        const QByteArray sealed =
            QByteArray::fromHex("64a0861575861af460f062c79be643bd5e805cfd345cf389f108670ac76c8cb2"
                                "4c6cfc18755d43eea09ee94e382d26b0bdb7b73c321b0100d4f03b7f355894cf"
                                "332f830e710b97ce98c8a84abd0b948114ad176e008d33bd60f982b1ff37c855"
                                "9797a06ef4f0ef61c186324e2b3506383606907b6a7c02b0f9f6157b53c867e4"
                                "b9166c767b804d46a59b5216cde7a4e99040c5a40433225ee282a1b0a06c523e"
                                "af4534d7f83fa1155b0047718cbc546a0d072b04b3564eea1b422273f548271a"
                                "0bb2316053fa76991955ebd63159434ecebb4e466dae5a1073a6727627097a10"
                                "49e617d91d361094fa68f0ff77987130305beaba2eda04df997b714d6c6f2c29"
                                "a6ad5cb4022b02709b"
                                "eead9d67890cbb22392336fea1851f38"); // the tag
        const QByteArray plain =
            "Internet-Drafts are draft documents valid for a maximum of six months and may be "
            "updated, replaced, or obsoleted by other documents at any time. It is inappropriate "
            "to use Internet-Drafts as reference material or to cite them other than as "
            "/\xe2\x80\x9cwork in progress./\xe2\x80\x9d";

        auto opener = FrameCipher::create(key, FrameCipher::Mode::Open);
        QVERIFY2(opener.has_value(), test::why(opener).constData());
        QByteArray data = sealed;
        QVERIFY(opener->open(sequence, aad, data.data(), data.size()));
        QCOMPARE(data.first(plain.size()), plain);

        // Sealing, the plaintext in two pieces as a frame's header and payload.
        auto sealer = FrameCipher::create(key, FrameCipher::Mode::Seal);
        QVERIFY(sealer.has_value());
        QByteArray out(sealed.size(), '\0');
        QVERIFY(sealer->seal(sequence, aad, plain.first(9), plain.sliced(9), out.data()));
        QCOMPARE(out.toHex(), sealed.toHex());
        // The context is reused: the same frame again gives the same bytes.
        QVERIFY(sealer->seal(sequence, aad, plain.first(9), plain.sliced(9), out.data()));
        QCOMPARE(out.toHex(), sealed.toHex());
    }

    // Whatever differs from what was sealed — a byte of the ciphertext or tag,
    // the sequence, the associated data, the key — the frame does not open.
    void frameCipherRefusesWhatWasNotSealed() {
        const QByteArray key(FrameCipher::KeySize, 'a');
        auto sealer = FrameCipher::create(key, FrameCipher::Mode::Seal);
        auto opener = FrameCipher::create(key, FrameCipher::Mode::Open);
        QVERIFY(sealer && opener);
        const QByteArray header("\x02\0\0\0\0\0\0\0\x05", 9); // type, tag
        const QByteArray payload = "a request with a secret in it";
        QByteArray sealed(header.size() + payload.size() + FrameCipher::TagSize, '\0');
        QVERIFY(sealer->seal(7, "aad", header, payload, sealed.data()));
        QVERIFY(!sealed.contains("secret"));

        const auto opens = [&](QByteArray frame, std::uint64_t sequence, QByteArrayView aad) {
            return opener->open(sequence, aad, frame.data(), frame.size());
        };
        QVERIFY(opens(sealed, 7, "aad"));
        for (qsizetype i = 0; i < sealed.size(); ++i) {
            QByteArray altered = sealed;
            altered[i] = char(altered[i] ^ 0x40);
            QVERIFY2(!opens(altered, 7, "aad"), qPrintable(QString::number(i)));
        }
        QVERIFY(!opens(sealed, 8, "aad"));
        QVERIFY(!opens(sealed, 6, "aad"));
        QVERIFY(!opens(sealed, 7, "aae"));
        QVERIFY(!opens(sealed, 7, {}));
        QVERIFY(!opens(sealed.chopped(1), 7, "aad"));
        QVERIFY(!opens(sealed.first(FrameCipher::TagSize - 1), 7, "aad"));
        auto other =
            FrameCipher::create(QByteArray(FrameCipher::KeySize, 'b'), FrameCipher::Mode::Open);
        QByteArray copy = sealed;
        QVERIFY(!other->open(7, "aad", copy.data(), copy.size()));
        // A failure leaves the context fit for the next frame.
        QVERIFY(opens(sealed, 7, "aad"));
        // Another sequence gives another ciphertext for the same bytes.
        QByteArray again(sealed.size(), '\0');
        QVERIFY(sealer->seal(8, "aad", header, payload, again.data()));
        QVERIFY(again != sealed);

        QVERIFY(!FrameCipher::create(QByteArray(16, 'a'), FrameCipher::Mode::Seal));
    }

    // A 4 MiB frame is sealed by the reused context and opened in place; the
    // time is printed, not judged (machines differ).
    void frameCipherLargeFrame() {
        const QByteArray key(FrameCipher::KeySize, 'c');
        auto sealer = FrameCipher::create(key, FrameCipher::Mode::Seal);
        auto opener = FrameCipher::create(key, FrameCipher::Mode::Open);
        QVERIFY(sealer && opener);
        QByteArray payload(4 * 1024 * 1024, '\0');
        for (qsizetype i = 0; i < payload.size(); i += 97)
            payload[i] = char(i);
        // Once to touch the output's pages, which a frame's buffer costs anyway.
        QByteArray frame(payload.size() + FrameCipher::TagSize, '\0');
        QVERIFY(sealer->seal(1, {}, {}, payload, frame.data()));
        QElapsedTimer clock;
        clock.start();
        QVERIFY(sealer->seal(0, {}, {}, payload, frame.data()));
        const qint64 sealNs = clock.nsecsElapsed();
        clock.restart();
        QVERIFY(opener->open(0, {}, frame.data(), frame.size()));
        const qint64 openNs = clock.nsecsElapsed();
        QVERIFY(frame.first(payload.size()) == payload);
        qInfo("4 MiB frame: sealed in %.2f ms, opened in %.2f ms", double(sealNs) / 1e6,
              double(openNs) / 1e6);
    }
};

QTEST_GUILESS_MAIN(TestPacket)
#include "tst_packet.moc"
