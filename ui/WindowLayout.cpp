#include "WindowLayout.h"

#include <QGuiApplication>
#include <QHeaderView>
#include <QMainWindow>
#include <QScreen>
#include <QSettings>
#include <QSplitter>

namespace {

const QString geometryKey = QStringLiteral("window/geometry");
const QString stateKey = QStringLiteral("window/state");
const QString columnsKey = QStringLiteral("window/columns");
const QString splitterKey = QStringLiteral("window/splitter");

// The smallest size a first start opens at where the screen allows: six board columns fit
// beside the detail. A larger screen gives most of its room, up to where more would only
// stretch the columns.
constexpr QSize defaultSize(1360, 820);
constexpr QSize largestFirstSize(1920, 1200);
constexpr qreal firstShareOfScreen = 0.9;

} // namespace

WindowLayout::WindowLayout(const QString &settingsPath)
    : m_settingsPath(settingsPath)
{}

QRect WindowLayout::fitted(const QRect &wanted, const QRect &available)
{
    if (!available.isValid())
        return wanted;
    QRect fit(wanted.topLeft(), wanted.size().boundedTo(available.size()));
    if (fit.right() > available.right())
        fit.moveRight(available.right());
    if (fit.bottom() > available.bottom())
        fit.moveBottom(available.bottom());
    if (fit.left() < available.left())
        fit.moveLeft(available.left());
    if (fit.top() < available.top())
        fit.moveTop(available.top());
    return fit;
}

QRect WindowLayout::firstStart(const QRect &available)
{
    if (!available.isValid())
        return QRect(QPoint(), defaultSize);
    const QSize size = (available.size() * firstShareOfScreen)
                           .boundedTo(largestFirstSize)
                           .expandedTo(defaultSize)
                           .boundedTo(available.size());
    QRect place(QPoint(), size);
    place.moveCenter(available.center());
    return place;
}

void WindowLayout::restore(QMainWindow &window, QHeaderView &columns, QSplitter &splitter) const
{
    const QSettings settings(m_settingsPath, QSettings::IniFormat);
    if (!window.restoreGeometry(settings.value(geometryKey).toByteArray())) {
        const QScreen *screen =
            window.screen() ? window.screen() : QGuiApplication::primaryScreen();
        window.setGeometry(firstStart(screen ? screen->availableGeometry() : QRect()));
    }
    window.restoreState(settings.value(stateKey).toByteArray());
    columns.restoreState(settings.value(columnsKey).toByteArray());
    splitter.restoreState(settings.value(splitterKey).toByteArray());
    fitToScreen(window);
}

void WindowLayout::fitToScreen(QWidget &window)
{
    if (window.isMaximized() || window.isFullScreen())
        return; // the screen decides
    const QScreen *screen = window.screen() ? window.screen() : QGuiApplication::primaryScreen();
    if (!screen)
        return;
    // Qt keeps a saved geometry as it was when its screen has the same size; a default size or
    // a geometry saved on a larger screen can still overflow this one. The frame (title bar and
    // borders) must fit too: it is known only once the window is shown, hence a second call then.
    const QRect inner = window.geometry();
    const QRect frame = window.frameGeometry();
    const QMargins margins(inner.left() - frame.left(), inner.top() - frame.top(),
                           frame.right() - inner.right(), frame.bottom() - inner.bottom());
    const QRect fit = fitted(frame, screen->availableGeometry());
    if (fit != frame)
        window.setGeometry(fit.marginsRemoved(margins));
}

void WindowLayout::save(const QMainWindow &window, const QHeaderView &columns,
                        const QSplitter &splitter) const
{
    QSettings settings(m_settingsPath, QSettings::IniFormat);
    settings.setValue(geometryKey, window.saveGeometry());
    settings.setValue(stateKey, window.saveState());
    settings.setValue(columnsKey, columns.saveState());
    settings.setValue(splitterKey, splitter.saveState());
}
