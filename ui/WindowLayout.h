#pragma once

#include <QRect>
#include <QString>

class QHeaderView;
class QMainWindow;
class QSplitter;
class QWidget;

// The main window's size and place, its splitter and the list's columns, kept in the profile's
// settings: each profile (a server, a rep) has its own, and what is restored always fits the
// screen the window opens on, whatever screen it was saved on.
class WindowLayout final
{
public:
    explicit WindowLayout(const QString &settingsPath);

    // Restores what was saved, or places a first start (firstStart), fitted to the screen.
    void restore(QMainWindow &window, QHeaderView &columns, QSplitter &splitter) const;
    void save(const QMainWindow &window, const QHeaderView &columns,
              const QSplitter &splitter) const;

    // Shrinks and moves the window, frame included, into its screen's available area.
    static void fitToScreen(QWidget &window);
    // Where a first start opens on a screen with this available area: most of a large screen,
    // centred; at least the default size where it fits.
    static QRect firstStart(const QRect &available);
    // `wanted` shrunk to `available` where larger, then moved inside it.
    static QRect fitted(const QRect &wanted, const QRect &available);

private:
    QString m_settingsPath;
};
