#include "SettingsFile.h"

#include <QCoreApplication>

namespace SettingsFile {

Status save(const QString &path, const std::function<void(QSettings &)> &write)
{
    QSettings settings(path, QSettings::IniFormat);
    write(settings);
    // Written now, so a failure is said while the user is still on the page.
    settings.sync();
    if (settings.status() != QSettings::NoError)
        return Failure{
            QCoreApplication::translate("SettingsFile", "the settings file %1 could not be written")
                .arg(path)};
    return {};
}

} // namespace SettingsFile
