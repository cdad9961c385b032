#include <QDir>
#include <QStandardPaths>
#include <omview/collector/collectorpaths.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace omview::collector {

namespace {

bool isRoot() {
    return ::geteuid() == 0;
}

} // namespace

QString defaultDatabasePath() {
    if (isRoot())
        return u"/var/lib/omview/collector.db"_s;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(u"omview/collector.db"_s);
}

QString defaultControlSocket() {
    if (isRoot())
        return u"/run/omcollectord/omcollectord.sock"_s;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation))
        .filePath(u"omview/omcollectord.sock"_s);
}

QString defaultAgentSocket() {
    return u"/run/omview/omagentd.sock"_s;
}

} // namespace omview::collector
