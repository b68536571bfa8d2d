#pragma once

#include <QIcon>
#include <QString>

namespace ui {

// The desktop theme's icon where it has one, else clusterdesk's own (resources/icons/<name>.svg).
inline QIcon themedIcon(const QString &themeName, const QString &ownName)
{
    return QIcon::fromTheme(themeName, QIcon(QStringLiteral(":/clusterdesk/icons/%1.svg").arg(ownName)));
}

} // namespace ui
