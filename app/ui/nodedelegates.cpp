#include "nodeindex.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QMouseEvent>
#include <QPainter>
#include <QPixmapCache>
#include <QSpinBox>
#include <QStyleOptionButton>
#include <QStyleOptionProgressBar>
#include <QStyleOptionSlider>
#include <cmath>
#include <omview/console/lamp.h>
#include <omview/console/nodedelegates.h>
#include <omview/console/nodetablemodel.h>
#include <omview/console/speedscale.h>

using namespace Qt::StringLiterals;

namespace omview {

namespace {

QStyle *styleOf(const QStyleOptionViewItem &option) {
    return option.widget ? option.widget->style() : QApplication::style();
}

QColor lampColorOf(const QModelIndex &index) {
    switch (nodeindex::state(index)) {
    case NodeTableModel::NodeState::Up:
        return LampColor::up();
    case NodeTableModel::NodeState::Down:
        return LampColor::down();
    case NodeTableModel::NodeState::Unknown:
        break;
    }
    return LampColor::unknown();
}

QPalette::ColorGroup groupOf(const QStyleOptionViewItem &option) {
    if (!(option.state & QStyle::State_Enabled))
        return QPalette::Disabled;
    return (option.state & QStyle::State_Active) ? QPalette::Active : QPalette::Inactive;
}

QColor textColorOf(const QStyleOptionViewItem &option) {
    return option.palette.color(groupOf(option), (option.state & QStyle::State_Selected)
                                                     ? QPalette::HighlightedText
                                                     : QPalette::Text);
}

// A bar whose figure is not current: styles fill it with the disabled highlight, often as
// dark as the text on it. A fill a quarter of the way from the base to the text keeps the
// greyed figure legible, on light and dark palettes alike.
void greyOut(QPalette &palette) {
    const QColor base = palette.color(QPalette::Disabled, QPalette::Base);
    const QColor text = palette.color(QPalette::Disabled, QPalette::Text);
    const auto mix = [](int from, int to) {
        return from + (to - from) / 4;
    };
    const QColor fill(mix(base.red(), text.red()), mix(base.green(), text.green()),
                      mix(base.blue(), text.blue()));
    palette.setColor(QPalette::Disabled, QPalette::Highlight, fill);
    palette.setColor(QPalette::Disabled, QPalette::HighlightedText, text);
    palette.setCurrentColorGroup(QPalette::Disabled); // styles paint the current group
}

// Draws a cell's content through QPixmapCache. Styles draw bars, buttons and sliders slowly
// (gradients, text shaped anew each time), and on an update most visible cells show what
// they showed before: those become one blit. @look names all that the drawing depends on
// besides what is added here (size, scale, palette, font, direction, state); @draw paints in
// the option's coordinates onto a transparent pixmap, over the live background.
template<class Draw>
void paintThroughCache(QPainter *painter, const QStyleOptionViewItem &option, const QString &look,
                       Draw draw) {
    const QRect rect = option.rect;
    if (rect.isEmpty())
        return;
    const qreal scale = painter->device() ? painter->device()->devicePixelRatio() : 1.0;
    const QString key = u"omview.cell|"_s + look + u'|' + QString::number(rect.width()) + u'x' +
                        QString::number(rect.height()) + u'@' + QString::number(scale) + u'|' +
                        QString::number(option.palette.cacheKey()) + u'|' +
                        QString::number(int(option.palette.currentColorGroup())) + u'|' +
                        option.font.key() + u'|' + QString::number(int(option.direction)) + u'|' +
                        QString::number(int(option.state));
    QPixmap pixmap;
    if (!QPixmapCache::find(key, &pixmap)) {
        pixmap = QPixmap((QSizeF(rect.size()) * scale).toSize());
        pixmap.setDevicePixelRatio(scale);
        pixmap.fill(Qt::transparent);
        QPainter cell(&pixmap);
        cell.translate(-rect.topLeft());
        draw(&cell);
        cell.end();
        QPixmapCache::insert(key, pixmap);
    }
    painter->drawPixmap(rect.topLeft(), pixmap);
}

} // namespace

// ---- NodeCellDelegate

void NodeCellDelegate::initStyleOption(QStyleOptionViewItem *option,
                                       const QModelIndex &index) const {
    QStyledItemDelegate::initStyleOption(option, index);
    if (nodeindex::isCluster(index)) {
        option->font.setBold(true);
        option->fontMetrics = QFontMetrics(option->font);
    }
}

int NodeCellDelegate::rowHeight(const QStyleOptionViewItem &option) {
    QStyleOptionButton button;
    button.fontMetrics = option.fontMetrics;
    const QSize contents(option.fontMetrics.horizontalAdvance(u'X'), option.fontMetrics.height());
    const int buttonHeight =
        styleOf(option)
            ->sizeFromContents(QStyle::CT_PushButton, &button, contents, option.widget)
            .height();
    // The button sits 2 px inside the cell, and never grows taller than it needs to.
    return std::max(option.fontMetrics.height() + 8,
                    std::min(buttonHeight, option.fontMetrics.height() + 14) + 4);
}

QSize NodeCellDelegate::sizeHint(const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const {
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(rowHeight(option));
    return size;
}

void NodeCellDelegate::paintBackground(QPainter *painter, const QStyleOptionViewItem &option) {
    QStyleOptionViewItem background = option;
    background.text.clear();
    background.icon = QIcon();
    background.features &= ~QStyleOptionViewItem::HasDisplay;
    background.features &= ~QStyleOptionViewItem::HasDecoration;
    styleOf(option)->drawControl(QStyle::CE_ItemViewItem, &background, painter, option.widget);
}

// ---- StatusLampDelegate

void StatusLampDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    paintBackground(painter, opt);
    const QColor color = lampColorOf(index);
    const QString look = u"lamp|"_s + QString::number(color.rgba()) + u'|' + opt.text;
    paintThroughCache(painter, opt, look, [&](QPainter *cell) {
        const int d = opt.fontMetrics.height() * 4 / 5;
        const QRect lamp(opt.rect.left() + 6, opt.rect.center().y() - d / 2, d, d);
        paintLamp(*cell, lamp, color);
        const QRect text = opt.rect.adjusted(lamp.right() - opt.rect.left() + 7, 0, -4, 0);
        cell->setFont(opt.font);
        cell->setPen(textColorOf(opt));
        cell->drawText(text, Qt::AlignVCenter | Qt::AlignLeft,
                       opt.fontMetrics.elidedText(opt.text, Qt::ElideRight, text.width()));
    });
}

QSize StatusLampDelegate::sizeHint(const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const int d = opt.fontMetrics.height() * 4 / 5;
    return {6 + d + 7 + opt.fontMetrics.horizontalAdvance(opt.text) + 8, rowHeight(opt)};
}

// ---- NodeButtonDelegate

QString NodeButtonDelegate::buttonText(const QModelIndex &index) {
    if (nodeindex::isCluster(index))
        return tr("All nodes");
    QString address = index.data(NodeTableModel::AddressRole).toString();
    QString host = index.data(NodeTableModel::HostnameRole).toString();
    if (address.isEmpty())
        return host.isEmpty() ? tr("Node %1").arg(nodeindex::nodeId(index)) : host;
    if (host.isEmpty() || host == address)
        return address;
    return tr("%1 (%2)").arg(address, host);
}

QRect NodeButtonDelegate::buttonRect(const QRect &cell) {
    return cell.adjusted(2, 2, -2, -2);
}

void NodeButtonDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    paintBackground(painter, opt);
    QStyleOptionButton button;
    button.rect = buttonRect(opt.rect);
    button.palette = opt.palette;
    button.fontMetrics = opt.fontMetrics;
    button.direction = opt.direction;
    button.state = QStyle::State_Enabled;
    const bool pressed = m_pressed.isValid() && m_pressed == index;
    button.state |= pressed ? QStyle::State_Sunken : QStyle::State_Raised;
    if (opt.state & QStyle::State_MouseOver)
        button.state |= QStyle::State_MouseOver;
    if ((opt.state & QStyle::State_HasFocus) && (opt.state & QStyle::State_Selected))
        button.state |= QStyle::State_HasFocus;
    const int room = button.rect.width() - 2 * opt.fontMetrics.horizontalAdvance(u'x');
    button.text = opt.fontMetrics.elidedText(buttonText(index), Qt::ElideMiddle, std::max(room, 0));
    const QString look = u"button|"_s + QString::number(int(button.state)) + u'|' + button.text;
    paintThroughCache(painter, opt, look, [&](QPainter *cell) {
        cell->setFont(opt.font);
        styleOf(opt)->drawControl(QStyle::CE_PushButton, &button, cell, opt.widget);
    });
}

QSize NodeButtonDelegate::sizeHint(const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    QStyleOptionButton button;
    button.fontMetrics = opt.fontMetrics;
    const QSize text(opt.fontMetrics.horizontalAdvance(buttonText(index)),
                     opt.fontMetrics.height());
    const QSize size =
        styleOf(opt)->sizeFromContents(QStyle::CT_PushButton, &button, text, opt.widget);
    return {size.width() + 4, rowHeight(opt)};
}

bool NodeButtonDelegate::editorEvent(QEvent *event, QAbstractItemModel *model,
                                     const QStyleOptionViewItem &option, const QModelIndex &index) {
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonDblClick: {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() != Qt::LeftButton ||
            !buttonRect(option.rect).contains(mouse->position().toPoint()))
            break;
        m_pressed = index;
        if (auto *view = qobject_cast<QAbstractItemView *>(const_cast<QWidget *>(option.widget)))
            view->update(index);
        return true;
    }
    case QEvent::MouseButtonRelease: {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        const bool wasPressed = m_pressed.isValid() && m_pressed == index;
        const QModelIndex pressed = m_pressed;
        m_pressed = QPersistentModelIndex();
        if (auto *view = qobject_cast<QAbstractItemView *>(const_cast<QWidget *>(option.widget)))
            view->viewport()->update();
        if (wasPressed && buttonRect(option.rect).contains(mouse->position().toPoint())) {
            emit clicked(pressed);
            return true;
        }
        if (wasPressed)
            return true;
        break;
    }
    default:
        break;
    }
    return NodeCellDelegate::editorEvent(event, model, option, index);
}

// ---- SpeedDelegate

SpeedDelegate::SpeedDelegate(QAbstractItemView *view)
    : NodeCellDelegate(view)
    , m_view(view) {}

SpeedDelegate::~SpeedDelegate() = default;

int SpeedDelegate::valueTextWidth(const QStyleOptionViewItem &option) const {
    return option.fontMetrics.horizontalAdvance(u"0000000"_s) + 8;
}

QRect SpeedDelegate::sliderRect(const QStyleOptionViewItem &option) const {
    return option.rect.adjusted(4, 1, -valueTextWidth(option), -1);
}

void SpeedDelegate::initSlider(QStyleOptionSlider &slider, const QStyleOptionViewItem &option,
                               std::uint32_t speed) const {
    slider.rect = sliderRect(option);
    slider.palette = option.palette;
    slider.fontMetrics = option.fontMetrics;
    slider.direction = option.direction;
    slider.orientation = Qt::Horizontal;
    slider.minimum = 0;
    slider.maximum = SpeedScale::Positions;
    slider.singleStep = 1;
    slider.pageStep = 100;
    slider.sliderPosition = SpeedScale::positionOf(speed);
    slider.sliderValue = slider.sliderPosition;
    slider.tickPosition = QSlider::NoTicks;
    slider.subControls = QStyle::SC_SliderGroove | QStyle::SC_SliderHandle;
    slider.state = option.state & (QStyle::State_Enabled | QStyle::State_Active);
    slider.state |= QStyle::State_Horizontal;
}

void SpeedDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    paintBackground(painter, opt);
    const bool known = nodeindex::state(index) != NodeTableModel::NodeState::Unknown;
    if (nodeindex::isCluster(index)) {
        const QVariant efficiency = index.data(NodeTableModel::EfficiencyRole);
        const double e = efficiency.toDouble();
        const QString text = efficiency.isValid()
                                 ? tr("Efficiency %1 %").arg(std::lround(e * 100.0))
                                 : tr("Efficiency unknown");
        UsageBarDelegate::paintBar(painter, opt, e, text, false, efficiency.isValid());
        return;
    }
    const bool dragging = m_drag.isValid() && m_drag == index;
    std::uint32_t speed = index.data(NodeTableModel::SpeedRole).toUInt();
    if (dragging)
        speed = SpeedScale::speedAt(m_dragPosition);
    const bool pending = dragging || index.data(NodeTableModel::PendingSpeedRole).isValid();

    QStyleOptionSlider slider;
    initSlider(slider, opt, speed);
    if (!known) {
        slider.state &= ~QStyle::State_Enabled;
        slider.palette.setCurrentColorGroup(QPalette::Disabled);
    }
    if (dragging) {
        slider.state |= QStyle::State_Sunken;
        slider.activeSubControls = QStyle::SC_SliderHandle;
    } else if ((opt.state & QStyle::State_MouseOver) && known) {
        slider.state |= QStyle::State_MouseOver;
    }
    const QString look = u"slider|"_s + QString::number(slider.sliderPosition) + u'|' +
                         QString::number(int(slider.state)) + u'|' +
                         QString::number(int(slider.activeSubControls)) + u'|' +
                         QString::number(speed) + (pending ? u"|pending"_s : u"|"_s);
    paintThroughCache(painter, opt, look, [&](QPainter *cell) {
        styleOf(opt)->drawComplexControl(QStyle::CC_Slider, &slider, cell, opt.widget);
        QFont font = opt.font;
        font.setItalic(pending);
        cell->setFont(font);
        cell->setPen(textColorOf(opt));
        const QRect text(opt.rect.right() - valueTextWidth(opt) + 4, opt.rect.top(),
                         valueTextWidth(opt) - 8, opt.rect.height());
        cell->drawText(text, Qt::AlignVCenter | Qt::AlignRight, QString::number(speed));
    });
}

QSize SpeedDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    return {opt.fontMetrics.horizontalAdvance(u'x') * 16 + valueTextWidth(opt), rowHeight(opt)};
}

int SpeedDelegate::positionAt(const QStyleOptionViewItem &option, const QPoint &point) const {
    QStyleOptionSlider slider;
    initSlider(slider, option, SpeedScale::MinSpeed);
    const QStyle *style = m_view ? m_view->style() : QApplication::style();
    const QWidget *widget = m_view;
    const QRect groove =
        style->subControlRect(QStyle::CC_Slider, &slider, QStyle::SC_SliderGroove, widget);
    const QRect handle =
        style->subControlRect(QStyle::CC_Slider, &slider, QStyle::SC_SliderHandle, widget);
    const int span = std::max(1, groove.width() - handle.width());
    const int x = point.x() - groove.x() - handle.width() / 2;
    return QStyle::sliderValueFromPosition(0, SpeedScale::Positions, std::clamp(x, 0, span), span);
}

bool SpeedDelegate::editorEvent(QEvent *event, QAbstractItemModel *model,
                                const QStyleOptionViewItem &option, const QModelIndex &index) {
    if (event->type() != QEvent::MouseButtonPress && event->type() != QEvent::MouseButtonDblClick)
        return NodeCellDelegate::editorEvent(event, model, option, index);
    const auto *mouse = static_cast<QMouseEvent *>(event);
    if (nodeindex::isCluster(index) || mouse->button() != Qt::LeftButton ||
        !sliderRect(option).contains(mouse->position().toPoint()))
        return NodeCellDelegate::editorEvent(event, model, option, index);
    if (event->type() == QEvent::MouseButtonDblClick)
        return true; // a double click on the slider is two presses, not a request to edit
    if (nodeindex::state(index) == NodeTableModel::NodeState::Unknown || !m_view)
        return true;
    // The viewport sees every move and the release while the button is down, wherever the
    // mouse goes; the view itself must not turn them into a selection.
    m_drag = index;
    m_dragStartSpeed = index.data(NodeTableModel::SpeedRole).toUInt();
    m_dragPosition = positionAt(option, mouse->position().toPoint());
    m_view->viewport()->installEventFilter(this);
    m_view->update(index);
    return true;
}

bool SpeedDelegate::eventFilter(QObject *watched, QEvent *event) {
    if (!m_view || watched != m_view->viewport())
        return NodeCellDelegate::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::MouseMove: {
        if (!m_drag.isValid()) {
            endDrag(false);
            return true;
        }
        QStyleOptionViewItem option;
        option.initFrom(m_view);
        option.rect = m_view->visualRect(m_drag);
        const int position =
            positionAt(option, static_cast<QMouseEvent *>(event)->position().toPoint());
        if (position != m_dragPosition) {
            m_dragPosition = position;
            m_view->update(m_drag);
        }
        return true;
    }
    case QEvent::MouseButtonRelease:
        endDrag(true);
        return true;
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonDblClick:
        return true;
    default:
        break;
    }
    return NodeCellDelegate::eventFilter(watched, event);
}

void SpeedDelegate::endDrag(bool commit) {
    if (m_view)
        m_view->viewport()->removeEventFilter(this);
    if (!m_drag.isValid()) {
        m_drag = QPersistentModelIndex();
        return;
    }
    const NodeId node = nodeindex::nodeId(m_drag);
    const std::uint32_t speed = SpeedScale::speedAt(m_dragPosition);
    const QModelIndex index = m_drag;
    m_drag = QPersistentModelIndex();
    if (m_view)
        m_view->update(index);
    if (commit && speed != m_dragStartSpeed)
        emit speedChosen(node, speed);
}

QWidget *SpeedDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                     const QModelIndex &index) const {
    if (nodeindex::isCluster(index))
        return nullptr;
    auto *box = new QSpinBox(parent);
    box->setRange(int(SpeedScale::MinSpeed), int(SpeedScale::MaxSpeed));
    box->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    box->setAccelerated(true);
    box->setSingleStep(100);
    box->setToolTip(tr("The node's speed, 1 to 1000000 (10000 = the standard processor); Enter "
                       "sets it, Escape cancels"));
    return box;
}

void SpeedDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const {
    if (auto *box = qobject_cast<QSpinBox *>(editor))
        box->setValue(int(index.data(NodeTableModel::SpeedRole).toUInt()));
}

void SpeedDelegate::setModelData(QWidget *editor, QAbstractItemModel *,
                                 const QModelIndex &index) const {
    const auto *box = qobject_cast<QSpinBox *>(editor);
    if (!box)
        return;
    const auto speed = static_cast<std::uint32_t>(box->value());
    if (speed == index.data(NodeTableModel::SpeedRole).toUInt())
        return;
    // The model is not written: the speed goes to the node, and comes back in its record.
    emit const_cast<SpeedDelegate *>(this)->speedChosen(nodeindex::nodeId(index), speed);
}

// ---- UsageBarDelegate

UsageBarDelegate::UsageBarDelegate(int fractionRole, QObject *parent)
    : NodeCellDelegate(parent)
    , m_fractionRole(fractionRole) {}

void UsageBarDelegate::setThreshold(int percent) {
    m_threshold = std::clamp(percent, 1, 100);
}

void UsageBarDelegate::paintBar(QPainter *painter, const QStyleOptionViewItem &option,
                                double fraction, const QString &text, bool alarm, bool enabled) {
    QStyleOptionProgressBar bar;
    bar.rect = option.rect.adjusted(3, 3, -3, -3);
    bar.palette = option.palette;
    bar.fontMetrics = option.fontMetrics;
    bar.direction = option.direction;
    bar.minimum = 0;
    bar.maximum = 1000;
    bar.progress =
        std::clamp(int(std::lround(std::isfinite(fraction) ? fraction * 1000.0 : 0.0)), 0, 1000);
    bar.text = text;
    bar.textVisible = true;
    bar.textAlignment = Qt::AlignCenter;
    bar.state = QStyle::State_Horizontal;
    if (enabled)
        bar.state |= QStyle::State_Enabled;
    else
        greyOut(bar.palette);
    if (alarm) {
        for (const auto group : {QPalette::Active, QPalette::Inactive})
            bar.palette.setColor(group, QPalette::Highlight, LampColor::down());
        bar.palette.setColor(QPalette::HighlightedText, Qt::white);
    }
    const QString look = u"bar|"_s + QString::number(bar.progress) + u'|' +
                         QString::number(int(bar.state)) + (alarm ? u"|alarm|"_s : u"||"_s) + text;
    paintThroughCache(painter, option, look, [&](QPainter *cell) {
        cell->setFont(option.font);
        styleOf(option)->drawControl(QStyle::CE_ProgressBar, &bar, cell, option.widget);
    });
}

void UsageBarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    paintBackground(painter, opt);
    const QVariant value = index.data(m_fractionRole);
    const double fraction = value.toDouble();
    // A node that is down or unknown shows its last values greyed: they are not current.
    const bool known =
        nodeindex::state(index) == NodeTableModel::NodeState::Up || nodeindex::isCluster(index);
    // Memory shows its amount with the share beside it; load is a share already.
    QString text = opt.text;
    if (m_fractionRole == NodeTableModel::MemFractionRole && value.isValid() && !text.isEmpty())
        text = tr("%1 (%2 %)").arg(text).arg(std::lround(fraction * 100.0));
    paintBar(painter, opt, fraction, text, known && isAlarming(fraction), known && value.isValid());
}

QSize UsageBarDelegate::sizeHint(const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const int text = opt.fontMetrics.horizontalAdvance(opt.text);
    return {std::max(text + 24, opt.fontMetrics.horizontalAdvance(u'x') * 14), rowHeight(opt)};
}

} // namespace omview
