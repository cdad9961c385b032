#include <QIcon>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <omview/procs/processlistmodel.h>
#include <omview/procs/processmarkdelegate.h>

namespace omview::procs {

namespace {

// Drawn rather than taken from the icon theme: the marks must mean the same on every desktop.
QIcon drawMark(ProcessMarkDelegate::Mark mark, const QPalette &palette) {
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor accent = palette.color(QPalette::Highlight);
    const QColor text = palette.color(QPalette::Text);
    QPen pen(text, 3.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    switch (mark) {
    case ProcessMarkDelegate::Mark::Away: {
        // An arrow leaving: the process runs on another node.
        pen.setColor(accent);
        p.setPen(pen);
        p.drawLine(QPointF(8, 24), QPointF(24, 8));
        p.drawPolyline(QPolygonF({QPointF(12, 8), QPointF(24, 8), QPointF(24, 20)}));
        break;
    }
    case ProcessMarkDelegate::Mark::Guest: {
        // An arrow arriving: a process from another node runs here.
        pen.setColor(QColor(0x27, 0xae, 0x60));
        p.setPen(pen);
        p.drawLine(QPointF(24, 8), QPointF(8, 24));
        p.drawPolyline(QPolygonF({QPointF(8, 12), QPointF(8, 24), QPointF(20, 24)}));
        break;
    }
    case ProcessMarkDelegate::Mark::Locked: {
        const QColor orange(0xf6, 0x74, 0x00);
        p.setPen(QPen(orange, 3.5));
        p.setBrush(Qt::NoBrush);
        p.drawArc(QRectF(10, 4, 12, 14), 0, 180 * 16);
        p.drawLine(QPointF(10, 11), QPointF(10, 15));
        p.drawLine(QPointF(22, 11), QPointF(22, 15));
        p.setPen(Qt::NoPen);
        p.setBrush(orange);
        p.drawRoundedRect(QRectF(6, 15, 20, 14), 3, 3);
        break;
    }
    case ProcessMarkDelegate::Mark::CantMove: {
        QColor grey = text;
        grey.setAlphaF(0.55f);
        pen.setColor(grey);
        p.setPen(pen);
        p.drawEllipse(QRectF(5, 5, 22, 22));
        p.drawLine(QPointF(9, 23), QPointF(23, 9));
        break;
    }
    case ProcessMarkDelegate::Mark::None:
        break;
    }
    return QIcon(pixmap);
}

} // namespace

ProcessMarkDelegate::ProcessMarkDelegate(QObject *parent)
    : QStyledItemDelegate(parent) {}

ProcessMarkDelegate::~ProcessMarkDelegate() = default;

ProcessMarkDelegate::Mark ProcessMarkDelegate::markOf(const QModelIndex &index) {
    if (index.data(ProcessListModel::AwayRole).toBool())
        return Mark::Away;
    if (index.data(ProcessListModel::GuestRole).toBool())
        return Mark::Guest;
    if (index.data(ProcessListModel::LockedRole).toBool())
        return Mark::Locked;
    if (!index.data(ProcessListModel::CantMoveRole).toString().isEmpty())
        return Mark::CantMove;
    return Mark::None;
}

void ProcessMarkDelegate::initStyleOption(QStyleOptionViewItem *option,
                                          const QModelIndex &index) const {
    QStyledItemDelegate::initStyleOption(option, index);
    const Mark mark = markOf(index);
    // Every row keeps the room of a mark, so that the PIDs stay aligned.
    option->features |= QStyleOptionViewItem::HasDecoration;
    option->decorationSize = QSize(option->fontMetrics.height(), option->fontMetrics.height());
    if (mark == Mark::None) {
        QPixmap empty(option->decorationSize);
        empty.fill(Qt::transparent);
        option->icon = QIcon(empty);
        return;
    }
    option->icon = drawMark(mark, option->palette);
}

} // namespace omview::procs
