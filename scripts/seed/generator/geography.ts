/**
 * Where customers are: markets (a region's country or group of countries) with real cities, and phone numbers in
 * each country's format (US numbers in the 555-01xx range reserved for fiction).
 */
import type { Region } from './model';
import { pad } from './records';
import type { Random, Weighted } from './random';

export interface Place {
  city: string;
  /** State or province, where addresses carry one. */
  state: string | null;
  country: string;
  dialCode: string;
}

export interface Market {
  /** Used in subsidiary names: "Calloway Foods Nordics". */
  name: string;
  region: Region;
  places: Place[];
}

function places(country: string, dialCode: string, cities: readonly (string | [string, string])[]): Place[] {
  return cities.map((city) =>
    typeof city === 'string'
      ? { city, state: null, country, dialCode }
      : { city: city[0], state: city[1], country, dialCode }
  );
}

const MARKETS: readonly Weighted<Market>[] = [
  {
    weight: 34,
    value: {
      name: 'North America',
      region: 'Americas',
      places: [
        ...places('United States', '+1', [
          ['New York', 'NY'],
          ['Chicago', 'IL'],
          ['Houston', 'TX'],
          ['Atlanta', 'GA'],
          ['Boston', 'MA'],
          ['Dallas', 'TX'],
          ['Seattle', 'WA'],
          ['San Francisco', 'CA'],
          ['Minneapolis', 'MN'],
          ['Charlotte', 'NC']
        ]),
        ...places('Canada', '+1', [
          ['Toronto', 'ON'],
          ['Montreal', 'QC'],
          ['Vancouver', 'BC']
        ])
      ]
    }
  },
  {
    weight: 5,
    value: {
      name: 'Latin America',
      region: 'Americas',
      places: [
        ...places('Brazil', '+55', [['São Paulo', 'SP']]),
        ...places('Mexico', '+52', ['Mexico City', 'Monterrey'])
      ]
    }
  },
  {
    weight: 10,
    value: {
      name: 'UK & Ireland',
      region: 'EMEA',
      places: [
        ...places('United Kingdom', '+44', ['London', 'Manchester', 'Birmingham', 'Edinburgh']),
        ...places('Ireland', '+353', ['Dublin'])
      ]
    }
  },
  {
    weight: 10,
    value: {
      name: 'DACH',
      region: 'EMEA',
      places: [
        ...places('Germany', '+49', ['Munich', 'Frankfurt', 'Hamburg', 'Stuttgart', 'Düsseldorf']),
        ...places('Switzerland', '+41', ['Zurich', 'Basel']),
        ...places('Austria', '+43', ['Vienna'])
      ]
    }
  },
  {
    weight: 6,
    value: { name: 'France', region: 'EMEA', places: places('France', '+33', ['Paris', 'Lyon', 'Toulouse']) }
  },
  {
    weight: 5,
    value: {
      name: 'Nordics',
      region: 'EMEA',
      places: [
        ...places('Sweden', '+46', ['Stockholm', 'Gothenburg']),
        ...places('Denmark', '+45', ['Copenhagen']),
        ...places('Norway', '+47', ['Oslo'])
      ]
    }
  },
  {
    weight: 5,
    value: {
      name: 'Benelux',
      region: 'EMEA',
      places: [
        ...places('Netherlands', '+31', ['Amsterdam', 'Rotterdam', 'Eindhoven']),
        ...places('Belgium', '+32', ['Brussels', 'Antwerp'])
      ]
    }
  },
  {
    weight: 4,
    value: {
      name: 'Iberia',
      region: 'EMEA',
      places: [...places('Spain', '+34', ['Madrid', 'Barcelona']), ...places('Portugal', '+351', ['Lisbon'])]
    }
  },
  {
    weight: 4,
    value: { name: 'Italy', region: 'EMEA', places: places('Italy', '+39', ['Milan', 'Turin', 'Rome']) }
  },
  { weight: 4, value: { name: 'Japan', region: 'APAC', places: places('Japan', '+81', ['Tokyo', 'Osaka']) } },
  {
    weight: 5,
    value: {
      name: 'Australia & New Zealand',
      region: 'APAC',
      places: [
        ...places('Australia', '+61', [
          ['Sydney', 'NSW'],
          ['Melbourne', 'VIC']
        ]),
        ...places('New Zealand', '+64', ['Auckland'])
      ]
    }
  },
  {
    weight: 4,
    value: { name: 'Southeast Asia', region: 'APAC', places: places('Singapore', '+65', ['Singapore']) }
  },
  {
    weight: 3,
    value: { name: 'India', region: 'APAC', places: places('India', '+91', ['Bengaluru', 'Mumbai']) }
  }
];

export function pickMarket(random: Random): Market {
  return random.weighted(MARKETS);
}

/** `count` different markets, for the regional subsidiaries of one group. */
export function pickMarkets(random: Random, count: number): Market[] {
  return random.sample(
    MARKETS.map((m) => m.value),
    count
  );
}

export function pickPlace(random: Random, market: Market): Place {
  return random.pick(market.places);
}

export function phoneNumber(random: Random, place: Place): string {
  if (place.dialCode === '+1') return `+1 ${random.int(201, 989)} 555 01${pad(random.int(0, 99), 2)}`;
  return `${place.dialCode} ${random.int(10, 99)} ${random.int(1000, 9999)} ${random.int(1000, 9999)}`;
}
