#include <cstring>
#include <omview/hpc/hpcerror.h>

namespace omview::hpc {

QString HpcError::toString() const {
    QString s = file.isEmpty() ? message : file + QStringLiteral(": ") + message;
    if (errnum != 0)
        s += QStringLiteral(" (%1)").arg(QString::fromLocal8Bit(std::strerror(errnum)));
    return s;
}

HpcError systemError(int errnum, const QString &file, const QString &action) {
    return HpcError{errnum, file,
                    QStringLiteral("%1 %2: %3")
                        .arg(action, file, QString::fromLocal8Bit(std::strerror(errnum)))};
}

} // namespace omview::hpc
