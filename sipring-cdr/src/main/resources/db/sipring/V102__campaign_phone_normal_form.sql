-- sipring-campaign: one phone normal form for every module (ru.sipring.core.text.PhoneNumber). The campaign
-- module used to keep a ten-digit Russian number written without its prefix (9XXXXXXXXX, 495XXXXXXX) as it was,
-- while the screen pop looked it up as 79XXXXXXXXX; now both are 7 + ten digits for numbers starting 3, 4 or 9
-- (a ten-digit 8XXXXXXXXX stays: it could be a trunk prefix and nine digits). PhoneNumber is idempotent, so only
-- those ten-digit forms change. (A number stored with its extension glued on, 8916... доб. 5 as 791600011225, cannot be
-- told apart in SQL; such a card never matched a caller anyway and is fixed by importing the base again.)
UPDATE sipring_campaign_contact SET phone_normalized = CONCAT('7', phone_normalized)
  WHERE CHAR_LENGTH(phone_normalized) = 10 AND (phone_normalized LIKE '3%' OR phone_normalized LIKE '4%' OR phone_normalized LIKE '9%');
-- a DNC list may already hold both forms of a number: add the new form where it is missing, then drop the old
INSERT INTO sipring_campaign_dnc (scope_key, number)
  SELECT d.scope_key, CONCAT('7', d.number) FROM sipring_campaign_dnc d
  WHERE CHAR_LENGTH(d.number) = 10 AND (d.number LIKE '3%' OR d.number LIKE '4%' OR d.number LIKE '9%')
    AND NOT EXISTS (SELECT 1 FROM sipring_campaign_dnc e WHERE e.scope_key = d.scope_key
                    AND e.number = CONCAT('7', d.number));
DELETE FROM sipring_campaign_dnc
  WHERE CHAR_LENGTH(number) = 10 AND (number LIKE '3%' OR number LIKE '4%' OR number LIKE '9%');
