#pragma once

#include "Result.h"

#include <QSettings>
#include <functional>

// What a settings page saves goes to the profile's settings file (Profile::settingsPath(),
// shared with the `kashew` CLI); the failure names the file, for the page to show.
namespace SettingsFile {

Status save(const QString &path, const std::function<void(QSettings &)> &write);

} // namespace SettingsFile
