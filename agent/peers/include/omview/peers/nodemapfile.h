// Reads a node map file (/etc/openmosix.map), resolving hostnames to numeric
// addresses first: the shared parser, like hpc.ko, takes numeric addresses only.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHostAddress>
#include <QString>
#include <expected>
#include <omview/peers/nodemap.h>

namespace omview::peers {

class NodeMapFile {
public:
    static constexpr qsizetype MaxSize = 64 * 1024; // as /proc/hpc/admin/config

    // Reads, resolves and parses @path; errors name the file and the line.
    static std::expected<NodeMap, MapError> read(const QString &path);
    // The same for map text already in memory (map.set, setpe from stdin).
    static std::expected<NodeMap, MapError> parse(QByteArrayView text);
    // The text with every hostname in the ADDRESS field replaced by its
    // address; line numbers, comments and numeric lines stay as they are.
    static std::expected<QByteArray, MapError> resolveNames(QByteArrayView text);
    // One name to one address, IPv4 preferred (the map counts up IPv4 octets).
    static std::expected<QHostAddress, QString> resolve(const QString &host);
};

} // namespace omview::peers
