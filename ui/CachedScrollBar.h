#pragma once

#include <QPixmap>
#include <QRect>
#include <QScrollBar>

// A scroll bar that paints from a picture of itself while it looks the same. A search keystroke
// changes the list's row count, and so the bar's range, and QScrollBar repaints on every range
// change; with thousands of rows the handle keeps its least length at the same place, so the
// picture is the same. Painting it afresh costs the raster engine's threaded fills (tall spans
// are split over the thread pool and waited for: milliseconds on a busy machine).
// While the pointer is over it, pressed or animated, it paints as QScrollBar does.
class CachedScrollBar final : public QScrollBar
{
    Q_OBJECT

public:
    explicit CachedScrollBar(Qt::Orientation orientation, QWidget *parent = nullptr);

    // Times the picture was drawn afresh (tests).
    int drawnCount() const { return m_drawn; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    // Everything the style's picture depends on.
    struct Look
    {
        QSize size;
        qreal pixelRatio = 0;
        int state = 0;
        qint64 palette = 0;
        Qt::LayoutDirection direction = Qt::LeftToRight;
        QRect handle;
        QRect subPage;
        QRect addPage;
        bool atMinimum = false;
        bool atMaximum = false;
        const QStyle *style = nullptr;
        friend bool operator==(const Look &a, const Look &b)
        {
            return a.size == b.size && a.pixelRatio == b.pixelRatio && a.state == b.state &&
                   a.palette == b.palette && a.direction == b.direction && a.handle == b.handle &&
                   a.subPage == b.subPage && a.addPage == b.addPage && a.atMinimum == b.atMinimum &&
                   a.atMaximum == b.atMaximum && a.style == b.style;
        }
    };

    QPixmap m_picture;
    Look m_look;
    int m_drawn = 0;
};
