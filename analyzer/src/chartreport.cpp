#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QTextDocument>
#include <omview/analyzer/analyzerchart.h>
#include <omview/analyzer/chartreport.h>

namespace omview::analyzer {

namespace {

constexpr qreal LogicalWidth = 1000;
constexpr qreal Gap = 12;
constexpr qreal RowHeight = 18;

QFont pixelFont(int pixels, bool bold = false) {
    QFont font;
    font.setPixelSize(pixels);
    font.setBold(bold);
    return font;
}

// A chart drawn at its on-screen size into an image @p scale times finer, for
// devices whose painter scales (printers, PDF): text keeps its proportions.
QImage chartImage(const ChartData &data, const ChartStyle &style, const QSizeF &logical,
                  qreal scale) {
    QImage image((logical * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(style.background);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::TextAntialiasing);
    ChartReport::renderChart(painter, QRectF(QPointF(0, 0), logical), data, style, logical);
    return image;
}

} // namespace

ChartReport::ChartReport(QString title, QString subtitle, QList<ChartData> charts,
                         QList<QStringList> statistics)
    : m_title(std::move(title))
    , m_subtitle(std::move(subtitle))
    , m_charts(std::move(charts))
    , m_statistics(std::move(statistics)) {}

void ChartReport::renderChart(QPainter &painter, const QRectF &target, const ChartData &data,
                              const ChartStyle &style, const QSizeF &logical) {
    QGraphicsScene scene;
    auto *chart = new AnalyzerChart;
    scene.addItem(chart);
    chart->setStyle(style);
    chart->setGeometry(QRectF(QPointF(0, 0), logical));
    chart->setData(data);
    chart->layout()->activate();
    scene.setSceneRect(QRectF(QPointF(0, 0), logical));
    scene.render(&painter, target, QRectF(QPointF(0, 0), logical), Qt::IgnoreAspectRatio);
}

qreal ChartReport::paintHeading(QPainter &painter, const QRectF &area) const {
    painter.setPen(Qt::black);
    painter.setFont(pixelFont(20, true));
    const QRectF title(area.left(), area.top(), area.width(), 28);
    painter.drawText(title, Qt::AlignLeft | Qt::AlignVCenter, m_title);
    painter.setFont(pixelFont(13));
    painter.setPen(QColor(0x50, 0x50, 0x50));
    const QRectF subtitle(area.left(), title.bottom(), area.width(), 20);
    painter.drawText(subtitle, Qt::AlignLeft | Qt::AlignVCenter, m_subtitle);
    qreal height = title.height() + subtitle.height();
    if (!m_charts.isEmpty()) {
        QTextDocument legend;
        legend.setDocumentMargin(0);
        legend.setHtml(legendHtml(ChartStyle::paper(), m_charts.first().threshold, 12));
        painter.save();
        painter.translate(area.left(), title.bottom() + subtitle.height() + 4);
        legend.drawContents(&painter);
        painter.restore();
        height += legend.size().height() + 4;
    }
    return height + Gap;
}

qreal ChartReport::paintTable(QPainter &painter, const QRectF &area, int firstRow,
                              int &nextRow) const {
    nextRow = firstRow;
    if (m_statistics.isEmpty())
        return 0;
    const int columns = static_cast<int>(m_statistics.first().size());
    const qreal nodeWidth = area.width() * 0.2;
    const qreal otherWidth = columns > 1 ? (area.width() - nodeWidth) / (columns - 1) : 0;
    const auto cell = [&](int column, qreal y) {
        const qreal x =
            column == 0 ? area.left() : area.left() + nodeWidth + (column - 1) * otherWidth;
        return QRectF(x + 3, y, (column == 0 ? nodeWidth : otherWidth) - 6, RowHeight);
    };
    qreal y = area.top();
    const auto row = [&](const QStringList &cells, bool header) {
        painter.setFont(pixelFont(12, header));
        painter.setPen(Qt::black);
        for (int c = 0; c < columns && c < cells.size(); ++c) {
            const QRectF box = cell(c, y);
            const QString text = painter.fontMetrics().elidedText(cells[c], Qt::ElideRight,
                                                                  static_cast<int>(box.width()));
            painter.drawText(box, (c == 0 ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter,
                             text);
        }
        y += RowHeight;
        painter.setPen(QColor(0xc8, 0xc8, 0xc8));
        painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
    };
    row(m_statistics.first(), true);
    while (nextRow + 1 < m_statistics.size() && y + RowHeight <= area.bottom()) {
        row(m_statistics[nextRow + 1], false);
        ++nextRow;
    }
    return y - area.top();
}

QImage ChartReport::image(int width) const {
    const qreal scale = width / LogicalWidth;
    const qreal tableHeight = RowHeight * static_cast<qreal>(m_statistics.size() + 1);
    const qreal height = 72 + Gap + static_cast<qreal>(m_charts.size()) * (ChartHeight + Gap) +
                         tableHeight + 2 * Gap;
    QImage image(QSize(width, static_cast<int>(std::ceil(height * scale))),
                 QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.scale(scale, scale);
    const QRectF area(Gap, Gap, LogicalWidth - 2 * Gap, height - 2 * Gap);
    qreal y = area.top() + paintHeading(painter, area);
    const ChartStyle paper = ChartStyle::paper();
    for (const ChartData &chart : m_charts) {
        const QRectF target(area.left(), y, area.width(), ChartHeight);
        renderChart(painter, target, chart, paper, target.size());
        y += ChartHeight + Gap;
    }
    int next = 0;
    paintTable(painter, QRectF(area.left(), y, area.width(), area.bottom() - y + RowHeight), 0,
               next);
    return image;
}

std::expected<void, QString> ChartReport::print(QPagedPaintDevice &device) const {
    QPainter painter;
    if (!painter.begin(&device))
        return std::unexpected(tr("the printer or file could not be opened for painting"));
    const QRect viewport = painter.viewport();
    if (viewport.width() <= 0 || viewport.height() <= 0)
        return std::unexpected(tr("the page has no printable area"));
    const qreal pageHeight = LogicalWidth * viewport.height() / viewport.width();
    painter.setWindow(0, 0, static_cast<int>(LogicalWidth), static_cast<int>(pageHeight));
    painter.setRenderHint(QPainter::TextAntialiasing);
    const QRectF page(0, 0, LogicalWidth, pageHeight);
    const ChartStyle paper = ChartStyle::paper();
    const QSizeF chartSize(LogicalWidth, ChartHeight);
    // Charts go in as pictures three times finer than on screen: sharp on
    // paper, and their fonts keep the size they have on screen.
    const qreal scale = 3;

    qreal y = paintHeading(painter, page);
    bool pageEmpty = false;
    const auto newPage = [&] {
        device.newPage();
        y = 0;
        pageEmpty = true;
    };
    for (const ChartData &chart : m_charts) {
        if (y + ChartHeight > page.bottom())
            newPage();
        painter.drawImage(QRectF(QPointF(0, y), chartSize),
                          chartImage(chart, paper, chartSize, scale));
        y += ChartHeight + Gap;
        pageEmpty = false;
    }
    int next = 0;
    while (next + 1 < m_statistics.size()) {
        if (y + 3 * RowHeight > page.bottom() && !pageEmpty)
            newPage();
        int reached = next;
        y +=
            paintTable(painter, QRectF(0, y, LogicalWidth, page.bottom() - y), next, reached) + Gap;
        pageEmpty = false;
        if (reached == next)
            break; // not even one row fits on an empty page
        next = reached;
    }
    painter.end();
    return {};
}

} // namespace omview::analyzer
