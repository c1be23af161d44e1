#pragma once

#include <QColor>
#include <QIcon>
#include <QString>

class PeopleBook;
class QPainter;
class QRect;

// A person's round avatar: their initials (PeopleBook::initials) on a colour chosen from their
// id (PeopleBook::colourSeed), so that one person has one colour in the list, on the cards, in
// the filter and in the detail, on every machine.
class PersonAvatar final
{
public:
    // Paints the avatar as the largest circle centred in rect; nothing for an empty id.
    static void paint(QPainter &painter, const QRect &rect, const PeopleBook &people,
                      const QString &id);
    // The same with the initials worked out already (PeopleBook::initials).
    static void paint(QPainter &painter, const QRect &rect, const QString &id,
                      const QString &initials);
    // The avatar as an icon of size × size pixels (null for an empty id).
    static QIcon icon(const PeopleBook &people, const QString &id, int size);
    // The avatar's fill colour for this id: one of a fixed palette.
    static QColor colour(const QString &id);
    // The initials' colour on that fill: white or a dark grey, whichever reads better.
    static QColor textColour(const QString &id);
};
