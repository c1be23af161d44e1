#pragma once

#include "SettingsDialog.h"

#include <QAction>
#include <QApplication>
#include <QMainWindow>
#include <QTimer>
#include <functional>

// Opens the window's File ▸ Settings and hands its page of type Page to `act`, which fills it
// and accepts or rejects the dialog; a dialog still open afterwards (a check refused the input)
// is rejected. False when the window has no settings action or the dialog no such page.
template <typename Page>
bool runSettingsPage(QMainWindow &window, const std::function<void(SettingsDialog &, Page &)> &act)
{
    QAction *settings = nullptr;
    for (QAction *action : window.findChildren<QAction *>()) {
        if (action->text() == QStringLiteral("Se&ttings…"))
            settings = action;
    }
    if (!settings)
        return false;
    bool found = false;
    QTimer::singleShot(0, &window, [&] {
        auto *dialog = qobject_cast<SettingsDialog *>(QApplication::activeModalWidget());
        auto *page = dialog ? dialog->findChild<Page *>() : nullptr;
        if (!page) {
            if (dialog)
                dialog->reject();
            return;
        }
        found = true;
        act(*dialog, *page);
        if (dialog->isVisible())
            dialog->reject();
    });
    settings->trigger();
    return found;
}
