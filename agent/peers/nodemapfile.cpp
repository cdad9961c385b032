#include "logging.h"

#include <omview/peers/nodemapfile.h>

extern "C" {
#include <hpc/map.h>
}

#include <QFile>
#include <netdb.h>
#include <sys/socket.h>

namespace omview::peers {

namespace {

bool isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\r';
}

bool isHostname(QByteArrayView word) {
    if (word.isEmpty() || word.size() > 253)
        return false;
    for (char c : word)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_'))
            return false;
    return true;
}

// The ADDRESS field of one map line: its start and length, or length 0.
struct Field {
    qsizetype start = 0;
    qsizetype length = 0;
};

Field addressField(QByteArrayView line) {
    qsizetype end = line.indexOf('#');
    if (end < 0)
        end = line.size();
    qsizetype i = 0;
    for (int field = 0; field < 2; ++field) {
        while (i < end && isBlank(line[i]))
            ++i;
        const qsizetype start = i;
        while (i < end && !isBlank(line[i]))
            ++i;
        if (i == start)
            return {};
        if (field == 1)
            return {start, i - start};
    }
    return {};
}

} // namespace

std::expected<QHostAddress, QString> NodeMapFile::resolve(const QString &host) {
    const QByteArray name = host.toUtf8();
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_DGRAM;
    addrinfo *list = nullptr;
    const int rc = ::getaddrinfo(name.constData(), nullptr, &hints, &list);
    if (rc != 0)
        return std::unexpected(QString::fromLocal8Bit(::gai_strerror(rc)));
    QHostAddress v4, v6;
    for (const addrinfo *ai = list; ai; ai = ai->ai_next) {
        QHostAddress a(ai->ai_addr);
        if (a.protocol() == QAbstractSocket::IPv4Protocol && v4.isNull())
            v4 = a;
        else if (a.protocol() == QAbstractSocket::IPv6Protocol && v6.isNull())
            v6 = a;
    }
    ::freeaddrinfo(list);
    if (!v4.isNull())
        return v4;
    if (!v6.isNull()) {
        v6.setScopeId({});
        return v6;
    }
    return std::unexpected(QStringLiteral("no IPv4 or IPv6 address"));
}

std::expected<QByteArray, MapError> NodeMapFile::resolveNames(QByteArrayView text) {
    QByteArray out;
    out.reserve(text.size());
    int lineNo = 0;
    qsizetype pos = 0;
    while (pos < text.size()) {
        qsizetype nl = text.indexOf('\n', pos);
        const bool last = nl < 0;
        if (last)
            nl = text.size();
        const QByteArrayView line = text.sliced(pos, nl - pos);
        ++lineNo;
        const Field f = addressField(line);
        const QByteArrayView word = line.sliced(f.start, f.length);
        hpc_addr numeric{};
        if (f.length == 0 || hpc_addr_parse(word.data(), size_t(word.size()), &numeric) == 0 ||
            !isHostname(word)) {
            out.append(line); // numeric, or the parser names what is wrong with it
        } else {
            const QString host = QString::fromUtf8(word);
            auto address = resolve(host);
            if (!address)
                return std::unexpected(MapError{
                    lineNo,
                    QStringLiteral("cannot resolve host '%1': %2").arg(host, address.error()),
                    {}});
            qCDebug(lcPeers) << "map line" << lineNo << ":" << host << "is" << address->toString();
            out.append(line.first(f.start));
            out.append(NodeMap::plainAddressText(*address));
            out.append(line.sliced(f.start + f.length));
        }
        if (!last)
            out.append('\n');
        pos = nl + 1;
    }
    return out;
}

std::expected<NodeMap, MapError> NodeMapFile::parse(QByteArrayView text) {
    auto numeric = resolveNames(text);
    if (!numeric)
        return std::unexpected(numeric.error());
    return NodeMap::parse(*numeric);
}

std::expected<NodeMap, MapError> NodeMapFile::read(const QString &path) {
    auto withPath = [&](MapError e) {
        e.file = path;
        return std::unexpected(e);
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return withPath(MapError{0, file.errorString(), {}});
    const QByteArray text = file.read(MaxSize + 1);
    if (file.error() != QFileDevice::NoError)
        return withPath(MapError{0, file.errorString(), {}});
    if (text.size() > MaxSize)
        return withPath(MapError{0, QStringLiteral("larger than %1 bytes").arg(MaxSize), {}});
    auto map = parse(text);
    if (!map)
        return withPath(map.error());
    return map;
}

} // namespace omview::peers
